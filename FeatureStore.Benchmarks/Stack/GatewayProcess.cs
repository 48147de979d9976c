using System.Diagnostics;
using System.Globalization;
using FeatureStore.Launcher;
using FeatureStore.Launcher.Processes;

namespace FeatureStore.Benchmarks.Stack;

/// <summary>
/// The real gateway (this build's configuration of FeatureStore.Gateway.dll) as a child process on
/// a free loopback port, logging at Warning; ready once <c>/health</c> answers 200; stopped by PID.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _gate = new();

    private GatewayProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<GatewayProcess> StartAsync(string name, string postgres, string redis, CancellationToken cancellationToken)
    {
        var assembly = RepositoryLayout.ProjectAssembly("FeatureStore.Gateway");
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        // Working directory = the assembly's, so the gateway reads its own appsettings.json (cache on with warm-up, 10 min MaxAge).
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__featurestore"] = postgres;
        start.Environment["ConnectionStrings__cache"] = redis;
        start.Environment["OTEL_SERVICE_NAME"] = name;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
        start.Environment["LOGGING__CONSOLE__FORMATTEROPTIONS__SINGLELINE"] = "true";

        var process = new Process { StartInfo = start };
        process.Start();
        var gateway = new GatewayProcess(name, process, baseAddress);
        process.OutputDataReceived += (_, e) => gateway.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await gateway.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90), cancellationToken);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        Console.WriteLine($"{name}: {baseAddress} (pid {process.Id}, {Path.GetRelativePath(RepositoryLayout.Root, assembly)})");
        return gateway;
    }

    /// <summary>SIGTERM by PID, then SIGKILL if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Terminate(_process.Id);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer";
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}: {LastLines()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException error)
            {
                last = error.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "health probe timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"{Name} was not healthy within {limit.TotalSeconds:0} s (last: {last}): {LastLines()}");
    }

    private string LastLines()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_gate)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }

        // Warnings and errors only (the gateway logs at Warning): worth seeing next to the results.
        Console.WriteLine($"[{Name}] {line}");
    }
}
