namespace FeatureStore.Drift.Statistics;

/// <summary>The half-open span of time <c>[Start, End)</c> whose values a sample or a report describes.</summary>
/// <param name="Start">The first instant included.</param>
/// <param name="End">The first instant after the window.</param>
public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End);
