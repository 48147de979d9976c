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
        var capacity = Stopwatch.GetElapsedTime(_started).TotalSeconds * ProcessTreeCpu.TicksPerSecond * Environment.ProcessorCount;
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

    // This process and every descendant: the gateways, Postgres with its backends, Redis.
    private static long OurTree() => ProcessTreeCpu.Ticks(Environment.ProcessId);
}
