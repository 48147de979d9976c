using System.Diagnostics;
using System.Globalization;

namespace FeatureStore.Benchmarks.Measuring;

/// <summary>
/// How much CPU processes outside this run took while it measured: the machine's busy time
/// (<c>/proc/stat</c>) minus that of this process and its descendants (gateways, Postgres with its
/// backends, Redis). On a shared 2-core machine this says whether the numbers are worth keeping.
/// Linux only; elsewhere it reports nothing.
/// </summary>
internal sealed class ForeignCpu
{
    private const double TicksPerSecond = 100; // USER_HZ
    private readonly long _busy;
    private readonly long _steal;
    private readonly long _ours;
    private readonly long _started = Stopwatch.GetTimestamp();

    private ForeignCpu(long busy, long steal, long ours)
    {
        _busy = busy;
        _steal = steal;
        _ours = ours;
    }

    public static ForeignCpu? Start() => File.Exists("/proc/stat") ? new ForeignCpu(Machine().Busy, Machine().Steal, OurTree()) : null;

    /// <summary>Share of the machine's cores used by other processes since <see cref="Start"/>, and stolen by the hypervisor.</summary>
    public (double Foreign, double Stolen) Stop()
    {
        var (busy, steal) = Machine();
        var capacity = Stopwatch.GetElapsedTime(_started).TotalSeconds * TicksPerSecond * Environment.ProcessorCount;
        var foreign = busy - _busy - (OurTree() - _ours);
        return (Math.Max(0, foreign) / capacity, (steal - _steal) / capacity);
    }

    // cpu  user nice system idle iowait irq softirq steal ...
    private static (long Busy, long Steal) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6], cpu[7]);
    }

    // utime + stime + cutime + cstime of this process and every descendant (reaped children count in their parent).
    private static long OurTree()
    {
        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } process)
            {
                processes[pid] = process;
            }
        }

        var ours = new HashSet<int> { Environment.ProcessId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, process) in processes)
            {
                if (!ours.Contains(pid) && ours.Contains(process.Parent))
                {
                    ours.Add(pid);
                    grew = true;
                }
            }
        }

        return ours.Sum(pid => processes.TryGetValue(pid, out var p) ? p.Ticks : 0);
    }

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
        catch (IOException)
        {
            return null; // gone meanwhile
        }
    }
}
