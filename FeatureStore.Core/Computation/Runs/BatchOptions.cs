namespace FeatureStore.Core.Computation.Runs;

/// <summary>How batch runs are planned and split (<c>FeatureStore:Compute:Batch</c>).</summary>
public sealed class BatchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FeatureStore:Compute:Batch";

    /// <summary>Run the scheduler and workers in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a replica looks for schedules whose tick has come.</summary>
    public TimeSpan PlanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a replica waits before looking for work again when the queue is empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed item is a replica's own; after that another replica may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Entities per work item (message entities are cheap: four times as many per item).</summary>
    public int EntitiesPerItem { get; set; } = 500;

    /// <summary>
    /// A job writing a vector line for at least this many entities is a bulk load: the store may build the line's
    /// similarity index after the job instead of inserting each vector into it (Postgres does when the line holds
    /// fewer vectors than the job writes; searches stay exact meanwhile, without the index).
    /// </summary>
    public int BulkVectorLoadFrom { get; set; } = 10_000;

    /// <summary>
    /// The tick of real-time features' batch catch-up run: the streaming path keeps them current,
    /// and this run computes whatever reached the source tables another way (a bulk load, the demo data).
    /// </summary>
    public string RealTimeCatchUp { get; set; } = "hourly";
}
