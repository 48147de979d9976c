namespace FeatureStore.Cli;

/// <summary>The command line of <c>featurestore</c>.</summary>
public sealed record CliOptions(string Command, string Directory, Uri Gateway, string Actor)
{
    public const string Usage = """
        Usage: featurestore plan|apply [options]
          plan               show what applying the definitions would do (NEW, UNCHANGED, PATCH, MINOR, MAJOR)
          apply              apply them, all or nothing
          generate           load synthetic TIS TIS source data into Postgres (featurestore generate --help)
          backfill           compute past values of features over a range (featurestore backfill --help)
          --dir DIR          the definitions folder (default: features)
          --gateway URL      the GraphQL endpoint (default: http://127.0.0.1:5080/graphql)
          --actor NAME       who is applying, for the audit log (default: $USER)
        Exit codes: 0 done, 1 invalid definitions or refused, 2 bad usage, 3 gateway unreachable.
        """;

    /// <summary>Parses the arguments; null with a message when they are wrong.</summary>
    public static (CliOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is not ("plan" or "apply"))
        {
            return (null, args.Count == 0 ? "missing command" : $"unknown command '{args[0]}'");
        }

        var options = new CliOptions(args[0], "features", new Uri("http://127.0.0.1:5080/graphql"), Environment.GetEnvironmentVariable("USER") ?? "cli");
        for (var i = 1; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                return (null, $"option '{args[i]}' needs a value");
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--dir":
                    options = options with { Directory = value };
                    break;
                case "--gateway" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    options = options with { Gateway = uri };
                    break;
                case "--gateway":
                    return (null, $"'{value}' is not an absolute URL");
                case "--actor":
                    options = options with { Actor = value };
                    break;
                default:
                    return (null, $"unknown option '{args[i - 1]}'");
            }
        }

        return (options, null);
    }
}
