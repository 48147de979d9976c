using Microsoft.Extensions.Options;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>Lets at most <see cref="TrainingSetExportOptions.MaxConcurrentExports"/> exports run at once; the rest wait.</summary>
internal sealed class TrainingSetExportGate(IOptions<TrainingSetExportOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentExports));

    public Task WaitAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
