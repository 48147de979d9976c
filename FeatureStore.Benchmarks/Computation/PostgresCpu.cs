using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// The CPU time of the Postgres server the benchmark started: the postmaster, its live processes (backends, the WAL
/// writer, autovacuum) and those that have ended, read from /proc. On two cores the replicas and Postgres share the
/// machine, so a change that moves work between them shows here and in <see cref="ProcessCounters"/>, not in the wall
/// time alone. Null where the server is not a local process (a container on another kernel's /proc).
/// </summary>
internal sealed partial class PostgresCpu
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK

    private readonly int? _postmaster;

    private PostgresCpu(int? postmaster) => _postmaster = postmaster;

    /// <summary>The server behind the data source: its postmaster is the parent of a connection's backend.</summary>
    public static async Task<PostgresCpu> OfServerAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new(Stat(backend) is { } stat ? int.Parse(stat[1], CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The server's CPU time so far: the postmaster's own and its ended children's, plus its live children's.</summary>
    public TimeSpan? Used()
    {
        if (_postmaster is not { } pid || Stat(pid) is not { } own)
        {
            return null;
        }

        var ticks = Ticks(own, 11) + Ticks(own, 12) + Ticks(own, 13) + Ticks(own, 14);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && Stat(child) is { } stat && int.Parse(stat[1], CultureInfo.InvariantCulture) == pid)
            {
                ticks += Ticks(stat, 11) + Ticks(stat, 12);
            }
        }

        return TimeSpan.FromSeconds(ticks / (double)sysconf(ClockTicksName));
    }

    // The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses): [0] is the state,
    // [1] the parent, [11] and [12] user and system time, [13] and [14] those of ended children, in clock ticks.
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // ended between the listing and the read
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] stat, int field) => long.Parse(stat[field], CultureInfo.InvariantCulture);

    [LibraryImport("libc")]
    private static partial long sysconf(int name);
}
