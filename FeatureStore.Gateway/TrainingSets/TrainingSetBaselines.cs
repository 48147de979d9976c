using FeatureStore.Core.Drift;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// Records what an export sampled (<see cref="TrainingSetBaselineWriter"/>) as each feature's training-set
/// baseline, which the drift worker then compares new windows with. The training set is already delivered: a
/// failure here is logged, never turned into a failed export.
/// </summary>
internal static class TrainingSetBaselines
{
    public static async Task RecordAsync(IServiceProvider services, TrainingSetBaselineWriter sampled, ILogger logger)
    {
        var store = services.GetRequiredService<IDriftStore>();
        try
        {
            var baselines = sampled.Baselines(services.GetRequiredService<TimeProvider>().GetUtcNow());
            // The export is complete even if its client left at the last byte: record it whatever happens to the request.
            // One save per feature, side by side (each on its own pooled connection): the samples' JSON is most of the cost.
            await Task.WhenAll(baselines.Select(baseline => store.SaveBaselineAsync(baseline, CancellationToken.None)));

            logger.LogInformation("Recorded training-set drift baselines of {Features}", string.Join(", ", baselines.Select(b => $"{b.Feature}@{b.ValueLine} ({b.Values?.Count} values)")));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Could not record the training set's drift baselines");
        }
    }
}
