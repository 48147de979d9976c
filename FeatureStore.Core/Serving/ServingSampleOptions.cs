namespace FeatureStore.Core.Serving;

/// <summary>Sampling of served values for the skew check, section <c>FeatureStore:ServingSamples</c>.</summary>
public sealed class ServingSampleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FeatureStore:ServingSamples";

    /// <summary>Share of current reads kept, 0 (off) to 1. Default 0.01: enough pairs per hour for a mismatch rate, without a write per read.</summary>
    public double Fraction { get; set; } = 0.01;

    /// <summary>Samples held in memory waiting to be written; beyond it new samples are dropped (and counted), never waited for.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>Most samples written in one statement.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a sample may wait for its batch to fill before it is written anyway.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
