using System.Globalization;
using FeatureStore.SyntheticData;

namespace FeatureStore.Cli;

/// <summary>The command line of <c>featurestore generate</c>.</summary>
public sealed record GenerateOptions(TisTisGeneratorOptions Generator, string? ConnectionString, int BatchMessages, bool Reset, bool Help)
{
    /// <summary>The environment variable services read their Postgres connection string from (Aspire's convention).</summary>
    public const string ConnectionVariable = "ConnectionStrings__featurestore";

    public const string Usage = """
        Usage: featurestore generate [options]
          Loads seeded synthetic TIS TIS traffic (Spanish and English) into the src_* tables.
          --messages N          messages in all (default 10000)
          --seed N              the seed; the same options always give the same rows (default 42)
          --tenants N           tenants, 1 to 999 (default 5)
          --users-per-tenant N  users of each tenant (default 200)
          --conversations N     conversations (default: one per 8 messages)
          --start INSTANT       first instant, ISO 8601 (default 2026-01-01T00:00:00Z)
          --days N              length of the window in days, fractions allowed (default 30)
          --bad-rows RATE       share of deliberately bad messages, 0 to 1 (default 0)
          --batch N             messages per load transaction (default 20000)
          --connection STRING   Postgres connection string (default: $ConnectionStrings__featurestore)
          --reset               delete the source rows already loaded first
        Exit codes: 0 done, 1 refused (rows already loaded, rows rejected, schema not migrated), 2 bad usage, 3 Postgres unreachable.
        """;

    /// <summary>Parses the arguments after <c>generate</c>; null with a message when they are wrong.</summary>
    public static (GenerateOptions? Options, string? Error) Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new GenerateOptions(new TisTisGeneratorOptions(), environment(ConnectionVariable), 20_000, Reset: false, Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--reset" or "--help" or "-h")
            {
                options = name == "--reset" ? options with { Reset = true } : options with { Help = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"option '{name}' needs a value");
            }

            var value = args[++i];
            var generator = options.Generator;
            var (next, error) = name switch
            {
                "--messages" => Integer(value, name, n => options with { Generator = generator with { Messages = n } }),
                "--seed" => Integer(value, name, n => options with { Generator = generator with { Seed = n } }),
                "--tenants" => Integer(value, name, n => options with { Generator = generator with { Tenants = n } }),
                "--users-per-tenant" => Integer(value, name, n => options with { Generator = generator with { UsersPerTenant = n } }),
                "--conversations" => Integer(value, name, n => options with { Generator = generator with { Conversations = n } }),
                "--batch" => Integer(value, name, n => n > 0 ? options with { BatchMessages = n } : null),
                "--days" => Number(value, name, d => d > 0 && d <= 36_500 ? options with { Generator = generator with { Window = TimeSpan.FromDays(d) } } : null),
                "--bad-rows" => Number(value, name, r => options with { Generator = generator with { BadRowRate = r } }),
                "--start" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
                    ? (options with { Generator = generator with { Start = Millisecond(start.ToUniversalTime()) } }, null)
                    : (null, $"'{value}' is not an instant (use ISO 8601, e.g. 2026-01-01T00:00:00Z)"),
                "--connection" => (options with { ConnectionString = value }, null),
                _ => ((GenerateOptions?)null, $"unknown option '{name}'"),
            };
            if (next is null)
            {
                return (null, error);
            }

            options = next;
        }

        if (options.Help)
        {
            return (options, null);
        }

        var problems = options.Generator.Validate();
        if (problems.Count > 0)
        {
            return (null, string.Join("; ", problems));
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? (null, $"no Postgres connection string: pass --connection \"Host=...;Port=...;Database=featurestore;Username=postgres;Password=...\" or set {ConnectionVariable} (the AppHost's status table shows host and port; the password is in .featurestore/postgres.password)")
            : (options, null);
    }

    // The option applied, or null with why; apply returns null for a number out of range.
    private static (GenerateOptions? Options, string? Error) Integer(string value, string name, Func<int, GenerateOptions?> apply) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && apply(number) is { } applied
            ? (applied, null)
            : (null, $"option '{name}' needs a whole number in range, not '{value}'");

    private static (GenerateOptions? Options, string? Error) Number(string value, string name, Func<double, GenerateOptions?> apply) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && apply(number) is { } applied
            ? (applied, null)
            : (null, $"option '{name}' needs a number in range, not '{value}'");

    private static DateTimeOffset Millisecond(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMillisecond));
}
