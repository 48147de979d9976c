using System.Globalization;

namespace FeatureStore.Benchmarks.Measuring;

/// <summary>
/// CPU time of a process and all its descendants, from <c>/proc</c> (Linux): user and system time of each, plus that
/// of their ended children (reaped children count in their parent). Used for this run's own tree
/// (<see cref="ForeignCpu"/>) and for the Postgres server's (the postmaster and its backends).
/// </summary>
internal static class ProcessTreeCpu
{
    public const double TicksPerSecond = 100; // USER_HZ

    /// <summary>Clock ticks used by <paramref name="root"/> and every process below it, live or ended.</summary>
    public static long Ticks(int root)
    {
        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } process)
            {
                processes[pid] = process;
            }
        }

        var tree = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, process) in processes)
            {
                if (!tree.Contains(pid) && tree.Contains(process.Parent))
                {
                    tree.Add(pid);
                    grew = true;
                }
            }
        }

        return tree.Sum(pid => processes.TryGetValue(pid, out var p) ? p.Ticks : 0);
    }

    /// <summary>The parent of a process, or null when <c>/proc</c> does not show it.</summary>
    public static int? Parent(int pid) => Read(pid)?.Parent;

    private static (int Parent, long Ticks)? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return ((int)Field(4), Field(14) + Field(15) + Field(16) + Field(17));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile, or not ours to read
        }
    }
}
