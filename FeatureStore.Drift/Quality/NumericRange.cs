namespace FeatureStore.Drift.Quality;

/// <summary>The values a numeric feature is expected to stay within (both ends included); an open end is null.</summary>
/// <param name="Min">The smallest expected value.</param>
/// <param name="Max">The largest expected value.</param>
public sealed record NumericRange(double? Min, double? Max)
{
    /// <summary>True when <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
