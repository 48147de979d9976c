using FeatureStore.Benchmarks.Measuring;
using Npgsql;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// The CPU time of the Postgres server the benchmark started: the postmaster, its live processes (backends, the WAL
/// writer, autovacuum) and those that have ended (<see cref="ProcessTreeCpu"/>). On two cores the replicas and Postgres
/// share the machine, so a change that moves work between them shows here and in <see cref="ProcessCounters"/>, not in
/// the wall time alone. Null where the server is not a local process (a container on another kernel's /proc).
/// </summary>
internal sealed class PostgresCpu
{
    private readonly int? _postmaster;

    private PostgresCpu(int? postmaster) => _postmaster = postmaster;

    /// <summary>The server behind the data source: its postmaster is the parent of a connection's backend.</summary>
    public static async Task<PostgresCpu> OfServerAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new(ProcessTreeCpu.Parent(backend));
    }

    /// <summary>The server's CPU time so far.</summary>
    public TimeSpan? Used() => _postmaster is { } pid && ProcessTreeCpu.Parent(pid) is not null
        ? TimeSpan.FromSeconds(ProcessTreeCpu.Ticks(pid) / ProcessTreeCpu.TicksPerSecond)
        : null;
}
