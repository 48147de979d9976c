namespace FeatureStore.Core.Registry.State;

/// <summary>A version on its way out: readers are warned until <see cref="SunsetAt"/>, refused after.</summary>
/// <param name="Reason">Why, and what to use instead.</param>
/// <param name="SunsetAt">When reads start failing.</param>
/// <param name="DeprecatedAt">When it was deprecated.</param>
/// <param name="DeprecatedBy">Who deprecated it.</param>
public sealed record Deprecation(string Reason, DateTimeOffset SunsetAt, DateTimeOffset DeprecatedAt, string DeprecatedBy)
{
    /// <summary>True once the sunset has passed at <paramref name="now"/>.</summary>
    public bool IsSunset(DateTimeOffset now) => now >= SunsetAt;
}
