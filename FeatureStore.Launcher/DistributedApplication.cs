using System.Runtime.InteropServices;
using FeatureStore.Launcher.Console;
using FeatureStore.Launcher.Processes;
using FeatureStore.Launcher.Resources;
using FeatureStore.Launcher.Servers;

namespace FeatureStore.Launcher;

/// <summary>
/// Runs the declared resources: each starts once everything it waits for is healthy; the status
/// table is reprinted when states change; on Ctrl+C or SIGTERM everything started is stopped.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private static readonly TimeSpan TableDebounce = TimeSpan.FromMilliseconds(300);
    private readonly LauncherOptions _options;
    private readonly IReadOnlyList<Resource> _resources;
    private readonly ILaunchLog _log;
    private readonly List<Resource> _started = [];
    private readonly Lock _gate = new();
    private Timer? _tableTimer;
    private bool _stopped;

    internal DistributedApplication(LauncherOptions options, IReadOnlyList<Resource> resources, ILaunchLog log)
    {
        _options = options;
        _resources = resources;
        _log = log;
    }

    public IReadOnlyList<Resource> Resources => _resources;

    public T Get<T>(string name) where T : Resource =>
        _resources.OfType<T>().SingleOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"no {typeof(T).Name} named '{name}'");

    /// <summary>
    /// Starts every resource in dependency order and returns when all are healthy. On a failure
    /// it stops what it started and throws a <see cref="LaunchException"/> saying what to do.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        CheckFixedPortsAreFree();
        if (_options.Fresh)
        {
            _log.Line("apphost", $"--fresh: wiping {_options.StateDirectory}");
            StateDirectory.Wipe(_options.StateDirectory);
        }

        Directory.CreateDirectory(_options.StateDirectory);
        var useDocker = !_options.NoDocker && DockerAvailability.IsAvailable();
        _log.Line("apphost", useDocker
            ? "Docker answers: Postgres and Redis run as containers"
            : $"{(_options.NoDocker ? "--no-docker" : "no Docker daemon")}: Postgres and Redis run as local processes, state in {_options.StateDirectory}");
        var context = new LaunchContext(_options, _log, useDocker);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var starts = _resources.Select(r => StartWhenReadyAsync(r, context, failed)).ToList();
        try
        {
            await Task.WhenAll(starts);
            await Task.WhenAll(_resources.Select(r => r.WhenHealthy)).WaitAsync(failed.Token);
        }
        catch (Exception) when (starts.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is LaunchException first)
        {
            await StopAsync();
            throw first;
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>Stops every started resource, services first, then the servers they used.</summary>
    public async Task StopAsync()
    {
        List<Resource> started;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            started = [.. _started];
        }

        await Task.WhenAll(started.OfType<ProjectResource>().Select(StopTimedAsync));
        await Task.WhenAll(started.Where(r => r is not ProjectResource).Select(StopTimedAsync));
        foreach (var disposable in _resources.OfType<IDisposable>())
        {
            disposable.Dispose();
        }

        _tableTimer?.Dispose();
    }

    // Says how long each resource took to stop: a slow stop (a service finishing a write, a server's shutdown
    // checkpoint) is then visible to whoever waits for Ctrl+C to return.
    private async Task StopTimedAsync(Resource resource)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await resource.StopAsync(CancellationToken.None);
        _log.Line("apphost", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{resource.Name} stopped in {stopwatch.Elapsed.TotalSeconds:0.0} s{(resource.Detail is null ? "" : $" ({resource.Detail})")}"));
    }

    /// <summary>The AppHost's main loop: start, print the table, wait for Ctrl+C/SIGTERM, stop. Returns the exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var shutdown = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _tableTimer = new Timer(_ => _log.Line("apphost", Environment.NewLine + StatusTable.Render(_resources)));
        foreach (var resource in _resources)
        {
            resource.StateChanged += _ => _tableTimer?.Change(TableDebounce, Timeout.InfiniteTimeSpan);
        }

        try
        {
            await StartAsync(shutdown.Token);
            _log.Line("apphost", "all resources are healthy; press Ctrl+C to stop");
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (LaunchException error)
        {
            _log.Line("apphost", "error: " + error.Message);
            return 1;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            _log.Line("apphost", "stopping");
        }

        await StopAsync();
        _log.Line("apphost", "stopped");
        return 0;

        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true; // we stop the children ourselves, then exit
            shutdown.Cancel();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartWhenReadyAsync(Resource resource, LaunchContext context, CancellationTokenSource failed)
    {
        try
        {
            await Task.WhenAll(resource.WaitsFor.Select(d => d.WhenHealthy)).WaitAsync(failed.Token);
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                _started.Add(resource);
            }

            await resource.StartAsync(context, failed.Token);
        }
        catch (LaunchException)
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private void CheckFixedPortsAreFree()
    {
        foreach (var project in _resources.OfType<ProjectResource>())
        {
            if (!FreePort.IsFree(project.Port))
            {
                throw new LaunchException(
                    $"port {project.Port} on 127.0.0.1 ({project.Name}) is already in use: stop what listens there, or choose another port (--gateway-port N)");
            }
        }
    }
}
