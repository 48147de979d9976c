namespace FeatureStore.Core.Computation.Runs;

/// <summary>Which log entries to list, newest first.</summary>
/// <param name="Feature">Only this feature's.</param>
/// <param name="Type">Only this type's (<see cref="ComputationTypes"/>).</param>
/// <param name="RunId">Only this batch job's.</param>
/// <param name="Since">Only runs started at or after this.</param>
/// <param name="Limit">At most this many.</param>
public sealed record ComputationLogQuery(string? Feature = null, string? Type = null, Guid? RunId = null, DateTimeOffset? Since = null, int Limit = 100);
