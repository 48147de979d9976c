using System.Globalization;
using Npgsql;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// Postgres' own counters around a measure: how many blocks its backends found outside shared buffers, who wrote
/// dirty buffers out (backends evicting them, the background writer, checkpoints), how many checkpoints ran, and how
/// often autovacuum and autoanalyze visited this database's tables. A batch that costs more per value as the tables
/// grow shows why here: reads from the OS cache, backends writing out what they evict, maintenance.
/// </summary>
internal readonly record struct PostgresActivity(long BlocksRead, long BlocksHit, long WrittenByBackends, long WrittenByBackgroundWriter,
    long WrittenAtCheckpoints, long Checkpoints, long Maintenance)
{
    private const string Counters = """
        SELECT d.blks_read, d.blks_hit, b.buffers_backend, b.buffers_clean, b.buffers_checkpoint,
               b.checkpoints_timed + b.checkpoints_req,
               (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)::bigint FROM pg_stat_user_tables)
        FROM pg_stat_database d, pg_stat_bgwriter b
        WHERE d.datname = current_database()
        """;

    public static async Task<PostgresActivity> NowAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Counters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    public static PostgresActivity operator -(PostgresActivity after, PostgresActivity before) =>
        new(after.BlocksRead - before.BlocksRead, after.BlocksHit - before.BlocksHit, after.WrittenByBackends - before.WrittenByBackends,
            after.WrittenByBackgroundWriter - before.WrittenByBackgroundWriter, after.WrittenAtCheckpoints - before.WrittenAtCheckpoints,
            after.Checkpoints - before.Checkpoints, after.Maintenance - before.Maintenance);

    /// <summary>One line for the report (8 KB blocks, shown as GB).</summary>
    public override string ToString()
    {
        static string Gb(long blocks) => (blocks * 8192 / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " GB";
        var reads = BlocksRead + BlocksHit;
        return string.Create(CultureInfo.InvariantCulture,
            $"read outside shared buffers {Gb(BlocksRead)} ({(reads == 0 ? 0 : BlocksRead * 100.0 / reads):0.0} % of block reads); written out by backends {Gb(WrittenByBackends)}, by the background writer {Gb(WrittenByBackgroundWriter)}, at checkpoints {Gb(WrittenAtCheckpoints)}; {Checkpoints} checkpoint(s); {Maintenance} autovacuum/autoanalyze run(s)");
    }
}
