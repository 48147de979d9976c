using FeatureStore.Core.Drift;
using FeatureStore.Drift.Runs;
using FeatureStore.Drift.Statistics;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Worker;

/// <summary>Claims the next drift check from the shared queue, runs it over its window, and marks it done or failed.</summary>
public sealed class DriftRequestProcessor(IDriftCheckQueue queue, DriftRun run, IOptions<DriftOptions> options, TimeProvider clock, ILogger<DriftRequestProcessor> logger)
{
    /// <summary>Runs one queued check as <paramref name="worker"/>; null when none was waiting. A failed run is marked failed, then rethrown.</summary>
    public async Task<DriftRunResult?> ProcessNextAsync(string worker, CancellationToken cancellationToken)
    {
        var request = await queue.ClaimAsync(worker, options.Value.Lease, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var end = request.WindowEnd ?? clock.GetUtcNow();
        var window = new TimeWindow(end - options.Value.Window, end);
        try
        {
            var result = await run.RunAsync(request.Features, window, cancellationToken);
            await queue.CompleteAsync(request.Id, worker, result.Failures.Count == 0 ? null : string.Join("; ", result.Failures), cancellationToken);
            logger.LogInformation("Drift {Kind} check {Id} of [{Start:O}, {End:O}): {Reports} report(s), {Drifting} drifting, {Alerts} alert(s)",
                request.Kind, request.Id, window.Start, window.End, result.Reports.Count, result.Reports.Count(r => r.Status == DriftStatuses.Drift), result.Alerts.Count);
            return result;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await queue.CompleteAsync(request.Id, worker, error.Message, CancellationToken.None);
            throw;
        }
    }
}
