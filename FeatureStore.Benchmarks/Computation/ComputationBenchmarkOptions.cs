using System.Globalization;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>What the computation benchmark loads and measures (<c>-- computation [options]</c>).</summary>
internal sealed record ComputationBenchmarkOptions
{
    public int Messages { get; init; } = 1_000_000;

    public int Tenants { get; init; } = 20;

    public int UsersPerTenant { get; init; } = 2_500;

    /// <summary>Batch replicas working the queue at once (in this process, as Compute replicas would).</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>Events of the streaming latency measure, sent one at a time.</summary>
    public int Events { get; init; } = 300;

    public int Seed { get; init; } = 42;

    public string? OutFile { get; init; }

    public bool ShowHelp { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project FeatureStore.Benchmarks -- computation [options]
          --messages N     generated messages to compute (default 1000000)
          --tenants N      tenants (default 20)
          --users N        users per tenant (default 2500)
          --replicas N     batch workers sharing the queue (default 2)
          --events N       streaming events for the event-to-online latency (default 300)
          --seed N         generator seed (default 42)
          --out FILE       also write the results as markdown to FILE
        """;

    public static ComputationBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ComputationBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                return options with { ShowHelp = true };
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"option '{args[i]}' needs a value");
            }

            var value = args[++i];
            options = args[i - 1] switch
            {
                "--messages" => options with { Messages = Positive(value) },
                "--tenants" => options with { Tenants = Positive(value) },
                "--users" => options with { UsersPerTenant = Positive(value) },
                "--replicas" => options with { Replicas = Positive(value) },
                "--events" => options with { Events = Positive(value) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => options with { OutFile = value },
                _ => throw new ArgumentException($"unknown option '{args[i - 1]}'\n{Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number");
}
