namespace FeatureStore.Gateway.TrainingSets;

/// <summary>Limits of <c>POST /training-sets</c>, from <c>FeatureStore:TrainingSets</c>.</summary>
internal sealed class TrainingSetExportOptions
{
    /// <summary>Most spine rows in one export.</summary>
    public long MaxRows { get; set; } = 50_000_000;

    /// <summary>
    /// Exports running at once in this process; others wait their turn. Each export holds one
    /// database connection per feature value line while it runs.
    /// </summary>
    public int MaxConcurrentExports { get; set; } = 2;
}
