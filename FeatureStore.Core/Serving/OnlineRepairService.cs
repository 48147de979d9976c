using Microsoft.Extensions.Hosting;

namespace FeatureStore.Core.Serving;

/// <summary>Retries <see cref="OnlineRepair"/> every two seconds while writes are pending for the online store.</summary>
internal sealed class OnlineRepairService(OnlineRepair repair) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (repair.IsPending)
            {
                await repair.TryRepairAsync(stoppingToken);
            }
        }
    }
}
