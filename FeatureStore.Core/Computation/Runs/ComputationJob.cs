namespace FeatureStore.Core.Computation.Runs;

/// <summary>
/// A batch job: a scheduled run of one refresh schedule at one tick, or a backfill of a range.
/// Its work is split into items that any Compute replica may claim.
/// </summary>
/// <param name="Id">The job (also the run id in the computation log).</param>
/// <param name="Kind"><c>scheduled</c> or <c>backfill</c>.</param>
/// <param name="Schedule">The refresh schedule it computes (<c>hourly</c>, <c>daily</c>, <c>real-time</c>, a cron expression), or <c>backfill</c>.</param>
/// <param name="Features">The features it computes; empty means every feature of the schedule.</param>
/// <param name="At">Values as of this instant (a scheduled run's tick; a backfill's end).</param>
/// <param name="After">A backfill's start (exclusive); null for a scheduled run.</param>
/// <param name="Positions">Source positions the job read up to (the next incremental run starts there).</param>
/// <param name="Status"><c>running</c>, <c>done</c> or <c>failed</c> (some item could not be computed).</param>
/// <param name="ItemsTotal">Work items in all.</param>
/// <param name="ItemsDone">Work items finished.</param>
/// <param name="EntitiesDone">Entities computed so far.</param>
/// <param name="Errors">Bad rows and failed computations so far.</param>
/// <param name="RequestedBy">Who asked (<c>scheduler</c> for scheduled runs).</param>
/// <param name="CreatedAt">When it was planned.</param>
/// <param name="CompletedAt">When its last item finished.</param>
public sealed record ComputationJob(
    Guid Id,
    string Kind,
    string Schedule,
    IReadOnlyList<string> Features,
    DateTimeOffset At,
    DateTimeOffset? After,
    SourcePositions Positions,
    string Status,
    int ItemsTotal,
    int ItemsDone,
    long EntitiesDone,
    long Errors,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>Kind of a scheduled run.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>Kind (and schedule) of a backfill.</summary>
    public const string Backfill = "backfill";

    /// <summary>Share of items finished, 0 to 1 (1 for a job with nothing to do).</summary>
    public double Progress => ItemsTotal == 0 ? 1 : (double)ItemsDone / ItemsTotal;
}
