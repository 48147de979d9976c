using System.Text.Json;

namespace FeatureStore.Core.Drift;

/// <summary>One feature value line's statistics in one window (count, null rate, moments, quantiles, categories, lengths, norms, centroid).</summary>
/// <param name="Feature">The feature.</param>
/// <param name="ValueLine">The value line read.</param>
/// <param name="WindowStart">The first instant of the window.</param>
/// <param name="WindowEnd">The first instant after it.</param>
/// <param name="Statistics">The statistics as JSON.</param>
public sealed record DriftWindowStatistics(string Feature, int ValueLine, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, JsonElement Statistics);
