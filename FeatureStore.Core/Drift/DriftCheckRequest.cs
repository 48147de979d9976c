namespace FeatureStore.Core.Drift;

/// <summary>A drift check waiting for, or done by, a drift worker: a scheduled run or one asked for.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Kind"><c>scheduled</c> or <c>requested</c>.</param>
/// <param name="Features">The features to check; empty for every active feature.</param>
/// <param name="WindowEnd">The end of the window to check; null for "when the check runs".</param>
/// <param name="Status">pending, running, done or failed.</param>
/// <param name="RequestedBy">Who asked (the scheduler, or the GraphQL caller).</param>
/// <param name="RequestedAt">When it was asked for.</param>
/// <param name="CompletedAt">When it finished.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record DriftCheckRequest(
    Guid Id,
    string Kind,
    IReadOnlyList<string> Features,
    DateTimeOffset? WindowEnd,
    string Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    string? Failure)
{
    /// <summary>The kind of a run the scheduler queued.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>The kind of a run someone asked for.</summary>
    public const string Requested = "requested";
}
