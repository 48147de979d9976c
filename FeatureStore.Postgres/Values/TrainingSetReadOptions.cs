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

    /// <summary>
    /// A spine of at most this many rows is sorted in the gateway's memory (about 20 bytes a row beyond its ids); a
    /// larger one is staged in a temporary table and sorted by Postgres, spilling to disk. 0 always stages it.
    /// </summary>
    public int SortInMemoryUpTo { get; set; } = 1_000_000;

    /// <summary>
    /// Memory for whole value lines kept between exports, in MiB (<see cref="HistorySnapshots"/>): an export of many
    /// entities reads each line whole and keeps it; a later export reuses it while no write has changed the line.
    /// A line larger than this is never kept. 0 keeps nothing (every export reads the store).
    /// </summary>
    public int SnapshotMemoryMiB { get; set; } = 256;

    /// <summary>
    /// A kept line that small writes (<see cref="OfflineSql.LogChangesUpTo"/> entities or fewer each) changed in at
    /// most this many entities is patched: only those entities' rows are read again. More, and it is read whole.
    /// </summary>
    public int PatchEntitiesUpTo { get; set; } = 10_000;
}
