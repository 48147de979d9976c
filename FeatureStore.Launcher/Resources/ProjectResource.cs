using System.Diagnostics;
using System.Globalization;
using FeatureStore.Launcher.Processes;

namespace FeatureStore.Launcher.Resources;

/// <summary>
/// A .NET service run as a child process with Aspire's environment variables. It is healthy when
/// its <c>/health</c> answers 200; if it exits it is reported and restarted with backoff.
/// </summary>
public sealed class ProjectResource : Resource, IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    private readonly string _projectName;
    private readonly Dictionary<string, string> _environment = [];
    private readonly List<IConnectionStringResource> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _supervisor = Task.CompletedTask;
    private ChildProcess? _process;

    internal ProjectResource(string name, string projectName, int port) : base(name)
    {
        _projectName = projectName;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Shown in the status table: the service URL plus a path worth opening, if any.</summary>
    public string DisplayPath { get; set; } = "";

    public override string Target => Url + DisplayPath;

    /// <summary>The PID of the running child, for tests that check nothing is left behind.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Passes <c>ConnectionStrings__{name}</c> once the resource is healthy.</summary>
    public ProjectResource WithReference(IConnectionStringResource resource)
    {
        _connections.Add(resource);
        return this;
    }

    /// <summary>Passes <c>services__{name}__http__0</c>, Aspire's service-discovery variable.</summary>
    public ProjectResource WithReference(ProjectResource service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _environment[$"services__{service.Name}__http__0"] = service.Url;
        return this;
    }

    public ProjectResource WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public ProjectResource WaitFor(Resource dependency)
    {
        AddWaitFor(dependency);
        return this;
    }

    internal override Task StartAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var start = StartInfo();
        _supervisor = Task.Run(() => SuperviseAsync(start, context), CancellationToken.None);
        return Task.CompletedTask;
    }

    internal override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _supervisor;
        if (_process is not null)
        {
            SetState(ResourceState.Stopping);
            await _process.StopAsync(PosixSignals.SigTerm, TimeSpan.FromSeconds(6));
            SetState(ResourceState.Stopped, $"exit code {_process.ExitCode}");
        }
    }

    public void Dispose() => _stopping.Dispose();

    private ProcessStartInfo StartInfo()
    {
        var assembly = RepositoryLayout.ProjectAssembly(_projectName);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(assembly)! };
        start.ArgumentList.Add(assembly);
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = Url;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["DOTNET_ENVIRONMENT"] = "Development";
        env["OTEL_SERVICE_NAME"] = Name;
        env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid():N}";
        env["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
        env["LOGGING__CONSOLE__FORMATTEROPTIONS__SINGLELINE"] = "true";
        foreach (var connection in _connections)
        {
            env[$"ConnectionStrings__{connection.Name}"] = connection.ConnectionString;
        }

        foreach (var (key, value) in _environment)
        {
            env[key] = value;
        }

        return start;
    }

    private async Task SuperviseAsync(ProcessStartInfo start, LaunchContext context)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            var uptime = Stopwatch.StartNew();
            SetState(ResourceState.Starting);
            try
            {
                _process = ChildProcess.Start(Name, start, context.Log);
            }
            catch (LaunchException error)
            {
                SetFailed(error);
                context.Log.Line("apphost", error.Message);
                return;
            }

            await MonitorAsync(_process, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            if (uptime.Elapsed > StableAfter)
            {
                backoff = TimeSpan.FromSeconds(1);
            }

            var code = _process.ExitCode;
            SetState(ResourceState.Restarting, $"exit code {code}, retry in {backoff.TotalSeconds:0} s");
            context.Log.Line("apphost", $"{Name} exited with code {code}; restarting in {backoff.TotalSeconds:0} s");
            try
            {
                await Task.Delay(backoff, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    // Polls /health every 500 ms until healthy, then every 5 s, until the process exits or we stop.
    private async Task MonitorAsync(ChildProcess process, CancellationToken stopping)
    {
        var exited = process.WaitForExitAsync(stopping);
        var everHealthy = false;
        while (!exited.IsCompleted)
        {
            var healthy = await IsHealthyAsync(stopping);
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            everHealthy |= healthy;
            SetState(healthy ? ResourceState.Healthy : everHealthy ? ResourceState.Unhealthy : ResourceState.Starting);
            await Task.WhenAny(exited, Task.Delay(healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(500), stopping));
        }

        try
        {
            await exited;
        }
        catch (OperationCanceledException)
        {
            // We are stopping: StopAsync ends the process.
        }
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(Url + "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // the probe timed out
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
