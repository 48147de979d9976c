using System.Diagnostics;
using System.Globalization;
using FeatureStore.Launcher.Console;
using FeatureStore.Launcher.Processes;

namespace FeatureStore.Launcher.Servers;

/// <summary>
/// redis-server as a local process on a free loopback port. Durable by default: an append-only
/// file in the state directory, so a restart finds every value again.
/// </summary>
internal sealed class LocalRedisServer(string name, LauncherOptions options, ILaunchLog log) : IServerBackend
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private ChildProcess? _process;

    public async Task<ServerEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var program = FindOnPath("redis-server")
            ?? throw new LaunchException("redis-server not found on PATH: run 'bash eng/install-prerequisites.sh', or start Docker");
        var dataDirectory = Path.Combine(options.StateDirectory, "redis");
        Directory.CreateDirectory(dataDirectory);

        var port = FreePort.Next();
        var start = new ProcessStartInfo(program);
        foreach (var arg in (string[])
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dataDirectory,
            "--daemonize", "no", "--save", "", "--appendonly", options.Ephemeral ? "no" : "yes", "--appendfsync", "everysec",
        ])
        {
            start.ArgumentList.Add(arg);
        }

        _process = ChildProcess.Start(name, start, log);
        await Readiness.WaitAsync(name, _process, ct => RedisProbe.AnswersAsync("127.0.0.1", port, ct), StartTimeout, cancellationToken);
        return new ServerEndpoint("127.0.0.1", port, null, $"127.0.0.1:{port} (local, data in {dataDirectory})");
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            // SIGTERM makes Redis flush its append-only file and exit.
            await _process.StopAsync(PosixSignals.SigTerm, TimeSpan.FromSeconds(5));
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
