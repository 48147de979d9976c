using FeatureStore.Drift.Quality;

namespace FeatureStore.Drift.Worker;

/// <summary>One feature's own drift settings, an entry of <see cref="DriftOptions.Features"/>.</summary>
public sealed class FeatureDriftSettings
{
    /// <summary>The feature name (<c>entity:feature_name</c>).</summary>
    public string Feature { get; set; } = "";

    /// <summary>Start of a fixed reference window (with <see cref="BaselineEnd"/>), used instead of the rolling one.</summary>
    public DateTimeOffset? BaselineStart { get; set; }

    /// <summary>End of the fixed reference window.</summary>
    public DateTimeOffset? BaselineEnd { get; set; }

    /// <summary>Smallest value a numeric feature is expected to take (data quality counts values below as out of range).</summary>
    public double? Min { get; set; }

    /// <summary>Largest value a numeric feature is expected to take.</summary>
    public double? Max { get; set; }

    /// <summary>The expected range, when either end is set.</summary>
    public NumericRange? Range => Min is null && Max is null ? null : new NumericRange(Min, Max);
}
