namespace FeatureStore.Core.Drift;

/// <summary>
/// What a feature's current window is compared with: a reference window of its own history, or a
/// snapshot of the values a training set was exported with. Kept per value line (major version):
/// a new major version means new values, which need a baseline of their own.
/// </summary>
/// <param name="Id">The baseline's id.</param>
/// <param name="Feature">The feature.</param>
/// <param name="ValueLine">The value line the values belong to.</param>
/// <param name="Version">The feature version when the baseline was taken.</param>
/// <param name="Kind"><see cref="DriftBaselineKinds"/>.</param>
/// <param name="WindowStart">A window's first instant; a training set's earliest row timestamp.</param>
/// <param name="WindowEnd">The first instant after a window; a microsecond after a training set's latest row timestamp.</param>
/// <param name="Values">A training set's sampled values; null for a window, whose values are read from the history when needed.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record DriftBaseline(
    Guid Id,
    string Feature,
    int ValueLine,
    string Version,
    string Kind,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<SampledValue>? Values,
    DateTimeOffset CreatedAt);
