namespace FeatureStore.Core.Computation.Runs;

/// <summary>The paths a computation runs on, as <c>ai_feature_computation_logs.computation_type</c> names them.</summary>
public static class ComputationTypes
{
    /// <summary>Scheduled runs and backfills.</summary>
    public const string Batch = "batch";

    /// <summary>Events from the stream.</summary>
    public const string Streaming = "streaming";

    /// <summary>Values computed when read because none was stored.</summary>
    public const string OnDemand = "on-demand";

    /// <summary>Every type.</summary>
    public static IReadOnlyList<string> All { get; } = [Batch, Streaming, OnDemand];
}
