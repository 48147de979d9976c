using System.Globalization;
using FeatureStore.Core.Time;

namespace FeatureStore.Benchmarks;

/// <summary>What to load and how long to measure. Defaults are the full run; <c>--quick</c> is a smoke check.</summary>
internal sealed record BenchmarkOptions
{
    public int Entities { get; init; } = 100_000;

    public int Features { get; init; } = 10;

    /// <summary>Offline history rows; spread evenly over every (entity, feature) key, at least one each.</summary>
    public long History { get; init; } = 2_000_000;

    /// <summary>Measured time of each latency measure (split into rounds, interleaved with the others).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Rows of the training-set spine (entity, timestamp) for the export and its SQL floor.</summary>
    public int Spine { get; init; } = 100_000;

    /// <summary>Measured exports after the warm-up one (their median is reported), and as many of the SQL floor.</summary>
    public int ExportRuns { get; init; } = 3;

    public int NoticeTrials { get; init; } = 200;

    /// <summary>Connections of the concurrent throughput run.</summary>
    public int Connections { get; init; } = 16;

    /// <summary>Skews of the cache workload, each measured: 0.99 is YCSB's default, 1.2 a hotter set.</summary>
    public IReadOnlyList<double> ZipfExponents { get; init; } = [0.99, 1.2];

    public int Seed { get; init; } = 42;

    public string? OutFile { get; init; }

    public bool Quick { get; init; }

    /// <summary>Which measures run after the load: all of them, or one alone as a short loop for work on it.</summary>
    public OnlyMeasure Only { get; init; }

    public bool ShowHelp { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project FeatureStore.Benchmarks [-- options]
          --entities N        users to load (default 100000)
          --features N        features per user, 1..50 (default 10)
          --history N         offline history rows, >= entities x features (default 2000000)
          --duration D        measured time per latency measure, e.g. 10s, 500ms (default 10s)
          --warmup D          warm-up per measure (default 3s)
          --spine N           training-set spine rows (default 100000)
          --export-runs N     measured exports (and SQL floor runs) after a warm-up one, 1..100 (default 3)
          --notice-trials N   write-then-read trials of the notice-delivery bound (default 200)
          --connections N     connections of the throughput run (default 16)
          --zipf S[,S...]     Zipf exponents of the cache workload, each measured (default 0.99,1.2)
          --seed N            seed of the dataset and workloads (default 42)
          --out FILE          also write the results as markdown to FILE
          --only export       measure only the training-set export and its SQL floor
          --only latency      measure only the one-connection latencies (floors and gateway)
          --quick             small sizes and short runs: a smoke check in well under a minute
          -h, --help          show this help
        """;

    public static BenchmarkOptions Quickly => new()
    {
        Quick = true,
        Entities = 2_000,
        History = 40_000,
        Duration = TimeSpan.FromSeconds(1),
        Warmup = TimeSpan.FromMilliseconds(300),
        Spine = 5_000,
        NoticeTrials = 20,
        Connections = 4,
        ZipfExponents = [0.99],
    };

    /// <summary>Parses the arguments; <c>--quick</c> sets the small sizes first, later options override them.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = args.Contains("--quick") ? Quickly : new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "-h" or "--help" => options with { ShowHelp = true },
                "--entities" => options with { Entities = Int(args, ref i, 1) },
                "--features" => options with { Features = Int(args, ref i, 1, 50) },
                "--history" => options with { History = Int(args, ref i, 1) },
                "--duration" => options with { Duration = ParseDuration(args, ref i) },
                "--warmup" => options with { Warmup = ParseDuration(args, ref i) },
                "--spine" => options with { Spine = Int(args, ref i, 1) },
                "--export-runs" => options with { ExportRuns = Int(args, ref i, 1, 100) },
                "--notice-trials" => options with { NoticeTrials = Int(args, ref i, 1, 100_000) },
                "--connections" => options with { Connections = Int(args, ref i, 1, 512) },
                "--zipf" => options with { ZipfExponents = Doubles(args, ref i) },
                "--seed" => options with { Seed = Int(args, ref i, 0) },
                "--out" => options with { OutFile = Path.GetFullPath(Value(args, ref i)) },
                "--only" => Value(args, ref i) switch
                {
                    "export" => options with { Only = OnlyMeasure.Export },
                    "latency" => options with { Only = OnlyMeasure.Latency },
                    var measure => throw new ArgumentException($"--only takes one measure, export or latency, not '{measure}'"),
                },
                var other => throw new ArgumentException($"unknown option '{other}'; run with --help to see the options"),
            };
        }

        if (options.History < (long)options.Entities * options.Features)
        {
            throw new ArgumentException($"--history must be at least entities x features ({(long)options.Entities * options.Features}) so every key has a value, not {options.History}");
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count ? args[++i] : throw new ArgumentException($"option '{args[i]}' needs a value");

    private static int Int(IReadOnlyList<string> args, ref int i, int min, int max = int.MaxValue)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    private static double[] Doubles(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i);
        return [.. text.Split(',').Select(part =>
            double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 10
                ? value
                : throw new ArgumentException($"{name} takes numbers between 0 and 10, comma-separated, not '{text}'"))];
    }

    private static TimeSpan ParseDuration(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i);
        if (text.EndsWith("ms", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var millis) && millis > 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        return Durations.TryParse(text, out var duration) && duration <= TimeSpan.FromHours(1)
            ? duration.Value
            : throw new ArgumentException($"{name} must be a duration such as 10s, 500ms or 2m (at most 1h), not '{text}'");
    }
}
