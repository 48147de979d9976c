using System.Collections.Concurrent;
using System.Diagnostics;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// Where the run's Postgres time went: each statement's calls and total time (from Npgsql's activities, in this
/// process: the replicas run here), by its first words. Times are wall clock, including the wait for a core.
/// </summary>
internal sealed class SqlTimes : IDisposable
{
    private const int Shown = 10;
    private const int Words = 9;

    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, (long Calls, TimeSpan Time)> _times = new(StringComparer.Ordinal);

    public SqlTimes()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| Postgres statement (first words) | calls | total (s) |");
        Console.WriteLine("|---|---|---|");
        foreach (var (statement, (calls, time)) in _times.OrderByDescending(t => t.Value.Time).Take(Shown))
        {
            Console.WriteLine($"| `{statement}` | {calls:N0} | {time.TotalSeconds:0.00} |");
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var statement = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(Words)).Replace('|', '/');
        _times.AddOrUpdate(statement, (1, activity.Duration), (_, t) => (t.Calls + 1, t.Time + activity.Duration));
    }
}
