using Npgsql;

namespace FeatureStore.Postgres.Sources;

/// <summary>
/// Orders source writes against high-water reads. <c>seq</c> is handed out when a row is inserted,
/// not when its transaction commits: without this lock a slow write could commit seq 41 after a
/// reader had seen 42, and an incremental run resuming after 42 would never see row 41. So every
/// source write holds the lock shared for its whole transaction, and a high-water read takes it
/// exclusively: it waits for every write in flight, and reads <c>max(seq)</c> with none open.
/// </summary>
internal static class SourceWriteLock
{
    /// <summary>The advisory lock key, "fsrc" in ASCII: apart from the offline store's stripe keys (0x66730000 + 0..255).</summary>
    public const long Key = 0x66737263;

    /// <summary>The first statement of every source write transaction.</summary>
    public static NpgsqlBatchCommand Shared() => Take("pg_advisory_xact_lock_shared");

    /// <summary>Waits for every source write in flight, and keeps new ones waiting until the transaction ends.</summary>
    public static NpgsqlBatchCommand Exclusive() => Take("pg_advisory_xact_lock");

    private static NpgsqlBatchCommand Take(string function) =>
        new($"SELECT {function}($1)") { Parameters = { new NpgsqlParameter<long> { TypedValue = Key } } };
}
