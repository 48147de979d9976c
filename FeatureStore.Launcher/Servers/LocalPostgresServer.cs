using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using FeatureStore.Launcher.Console;
using FeatureStore.Launcher.Processes;

namespace FeatureStore.Launcher.Servers;

/// <summary>
/// PostgreSQL as a local process on a free loopback port, data in the state directory.
/// initdb and postgres refuse to run as root, so as root they run as the 'postgres' user
/// (through setpriv, which execs: the PID we hold is the postmaster itself).
/// </summary>
internal sealed class LocalPostgresServer(string name, LauncherOptions options, ILaunchLog log) : IServerBackend
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private ChildProcess? _process;

    public async Task<ServerEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.FindBinDirectory();
        var asServiceUser = Environment.IsPrivilegedProcess;
        var root = ServerRoot(asServiceUser);
        var dataDirectory = Path.Combine(root, "data");
        var password = Secrets.ReadOrCreate(Path.Combine(options.StateDirectory, "postgres.password"));

        Directory.CreateDirectory(root);
        if (asServiceUser)
        {
            await CommandRunner.RunAsync(name, "chown", Command("chown", asServiceUser: false, $"{ServiceUser}:{ServiceUser}", root), log, cancellationToken);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(bin, root, dataDirectory, password, asServiceUser, cancellationToken);
        }

        var port = FreePort.Next();
        var args = new List<string>
        {
            "-D", dataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200",
        };
        args.AddRange(PostgresSettings.Arguments(PostgresSettings.MachineMemory(), options.Ephemeral));

        _process = ChildProcess.Start(name, Command(Path.Combine(bin, "postgres"), asServiceUser, [.. args]), log);
        var endpoint = new ServerEndpoint("127.0.0.1", port, password, $"127.0.0.1:{port} (local, data in {dataDirectory})");
        var probe = PostgresProbe.ConnectionString(endpoint, "postgres");
        await Readiness.WaitAsync(name, _process, ct => PostgresProbe.AnswersAsync(probe, ct), StartTimeout, cancellationToken);
        return endpoint;
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            // SIGINT is Postgres' "fast" shutdown: ends sessions, checkpoints, exits.
            await _process.StopAsync(PosixSignals.SigInt, TimeSpan.FromSeconds(8));
        }
    }

    private async Task InitializeAsync(string bin, string root, string dataDirectory, string password, bool asServiceUser, CancellationToken cancellationToken)
    {
        log.Line(name, $"initializing a new database cluster in {dataDirectory}");
        var passwordFile = Path.Combine(root, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (asServiceUser)
            {
                await CommandRunner.RunAsync(name, "chown", Command("chown", asServiceUser: false, $"{ServiceUser}:{ServiceUser}", passwordFile), log, cancellationToken);
            }

            await CommandRunner.RunAsync(name, "initdb", Command(Path.Combine(bin, "initdb"), asServiceUser,
                "-D", dataDirectory, "-U", "postgres", "-E", "UTF8", "--no-locale",
                "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}"), log, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// The data lives in the state directory unless the 'postgres' user cannot reach it (a state
    /// directory under /root, say): then under /var/lib/featurestore, keyed by the state directory.
    /// </summary>
    private string ServerRoot(bool asServiceUser)
    {
        var preferred = Path.Combine(options.StateDirectory, "postgres");
        if (!asServiceUser || OthersCanTraverse(options.StateDirectory))
        {
            return preferred;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.StateDirectory)))[..12].ToLowerInvariant();
        var fallback = Path.Combine("/var/lib/featurestore", key, "postgres");
        Directory.CreateDirectory(options.StateDirectory);
        File.WriteAllText(Path.Combine(options.StateDirectory, "postgres.location"), fallback + Environment.NewLine);
        log.Line(name, $"the '{ServiceUser}' user cannot reach {options.StateDirectory}; keeping Postgres data in {fallback}");
        return fallback;
    }

    private static bool OthersCanTraverse(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static ProcessStartInfo Command(string program, bool asServiceUser, params string[] args)
    {
        var start = new ProcessStartInfo(asServiceUser ? "setpriv" : program);
        if (asServiceUser)
        {
            foreach (var a in (string[])["--reuid", ServiceUser, "--regid", ServiceUser, "--init-groups", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return start;
    }
}
