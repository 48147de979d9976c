using System.Globalization;

namespace FeatureStore.Launcher;

/// <summary>Command-line options of the AppHost; also what a test fixture sets directly.</summary>
public sealed record LauncherOptions
{
    public const int DefaultGatewayPort = 5080;

    /// <summary>Port of the GraphQL gateway on 127.0.0.1; 0 picks a free one.</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>Wipe the state directory before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>Use local postgres/redis-server processes even when Docker answers.</summary>
    public bool NoDocker { get; init; }

    /// <summary>Where local servers keep their data between runs.</summary>
    public string StateDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, ".featurestore");

    /// <summary>
    /// Trade durability for speed (no fsync, no append-only file): for test fixtures whose data
    /// is thrown away, never for the AppHost.
    /// </summary>
    public bool Ephemeral { get; init; }

    public bool ShowHelp { get; init; }

    public const string Usage = """
        Usage: dotnet run --project FeatureStore.AppHost [-- options]
          --gateway-port N   port of the GraphQL gateway on 127.0.0.1 (default 5080; 0 picks a free one)
          --fresh            wipe the state directory first
          --no-docker        use local postgres/redis-server processes even when Docker answers
          --state-dir DIR    where local servers keep data (default ./.featurestore)
          -h, --help         show this help
        """;

    /// <summary>Parses AppHost arguments; throws <see cref="LaunchException"/> naming the bad one.</summary>
    public static LauncherOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LauncherOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            options = arg switch
            {
                "--fresh" => options with { Fresh = true },
                "--no-docker" => options with { NoDocker = true },
                "-h" or "--help" => options with { ShowHelp = true },
                "--gateway-port" => options with { GatewayPort = ParsePort(ValueOf(args, ref i)) },
                "--state-dir" => options with { StateDirectory = Path.GetFullPath(ValueOf(args, ref i)) },
                _ => throw new LaunchException($"unknown option '{arg}'; run with --help to see the options"),
            };
        }

        return options;
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new LaunchException($"option '{args[i]}' needs a value; run with --help to see the options");
        }

        return args[++i];
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new LaunchException($"--gateway-port must be a port number from 0 (any free port) to 65535, not '{text}'");
}
