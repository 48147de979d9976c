namespace FeatureStore.Postgres.Values;

/// <summary>How the export reads history, section <c>FeatureStore:TrainingSets</c>.</summary>
public sealed class TrainingSetReadOptions
{
    /// <summary>
    /// A spine with at most this many distinct entities reads only their history rows (one index probe each, then a
    /// sort of what was read); a larger one reads every row of its entity range in index order, which costs nothing
    /// per entity but reads the entities between the spine's too. 0 always reads the range.
    /// </summary>
    public int ListEntitiesUpTo { get; set; } = 10_000;
}
