using System.Globalization;

namespace FeatureStore.Cli;

/// <summary>The command line of <c>featurestore backfill</c>.</summary>
public sealed record BackfillOptions(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Features, Uri Gateway, bool Wait, TimeSpan PollInterval)
{
    public const string Usage = """
        Usage: featurestore backfill --from INSTANT --to INSTANT [options]
          Computes every value the features would have materialized in (from, to], for every entity,
          and writes it to the offline history (and online, when newer). Compute replicas do the work;
          this command plans the job and follows its progress.
          --from INSTANT     start, exclusive, ISO-8601 with an offset (e.g. 2026-10-01T00:00:00Z)
          --to INSTANT       end, inclusive, not in the future
          --feature NAME     a feature to backfill (repeat for several; default: every computed feature)
          --gateway URL      the GraphQL endpoint (default: http://127.0.0.1:5080/graphql)
          --no-wait          print the job id and return at once
        Exit codes: 0 done, 1 refused or failed, 2 bad usage, 3 gateway unreachable.
        """;

    /// <summary>Parses the arguments (after the command name); null with a message when they are wrong.</summary>
    public static (BackfillOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        DateTimeOffset? from = null, to = null;
        var features = new List<string>();
        var gateway = new Uri("http://127.0.0.1:5080/graphql");
        var wait = true;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--no-wait")
            {
                wait = false;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"option '{args[i]}' needs a value");
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--from" or "--to" when !Instant(value, out _):
                    return (null, $"{args[i - 1]} '{value}' is not an ISO-8601 instant with an offset");
                case "--from":
                    Instant(value, out var start);
                    from = start;
                    break;
                case "--to":
                    Instant(value, out var end);
                    to = end;
                    break;
                case "--feature":
                    features.Add(value);
                    break;
                case "--gateway" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    gateway = uri;
                    break;
                case "--gateway":
                    return (null, $"'{value}' is not an absolute URL");
                default:
                    return (null, $"unknown option '{args[i - 1]}'");
            }
        }

        return from is null || to is null
            ? (null, "--from and --to are required")
            : (new BackfillOptions(from.Value, to.Value, features, gateway, wait, TimeSpan.FromSeconds(1)), null);
    }

    // An offset is required: a backfill of "midnight" must not depend on the machine's time zone.
    private static bool Instant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
        && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal));
}
