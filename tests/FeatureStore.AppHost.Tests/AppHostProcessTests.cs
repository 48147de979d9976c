using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FeatureStore.Launcher;
using FeatureStore.Launcher.Processes;

namespace FeatureStore.AppHost.Tests;

/// <summary>The AppHost as a user runs it: a process that starts everything and is stopped with Ctrl+C.</summary>
[Collection(StackCollection.Name)]
public sealed class AppHostProcessTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "featurestore-apphost-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Sigint_stops_every_child_and_server_within_15_seconds()
    {
        var port = FreePort.Next();
        using var apphost = StartAppHost("--gateway-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state-dir", _stateDirectory, "--no-docker");
        using var gateway = new GatewayClient($"http://127.0.0.1:{port}");
        await gateway.WaitUntilAnsweringAsync(TimeSpan.FromMinutes(3), () => !apphost.Process.HasExited);
        await WaitForAsync(() => apphost.Output.Contains("all resources are healthy"), TimeSpan.FromMinutes(1));

        var descendants = ProcessTree.DescendantsOf(apphost.Process.Id);
        Assert.True(descendants.Count >= 5, $"expected postgres, redis and three services below the AppHost, found {descendants.Count}");

        var stopping = Stopwatch.StartNew();
        Assert.Equal(0, Kill(apphost.Process.Id, 2));
        var exited = apphost.Process.WaitForExit(TimeSpan.FromSeconds(15));
        if (exited)
        {
            await apphost.DrainAsync();
        }

        var lingering = string.Join(", ", descendants.Where(ProcessTree.IsRunning).Select(ProcessTree.Describe));
        Assert.True(exited, $"the AppHost was still running 15 s after SIGINT, and below it: {lingering}{Environment.NewLine}{apphost.Output}");
        Assert.Equal(0, apphost.Process.ExitCode);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15));
        Assert.All(descendants, pid => Assert.False(ProcessTree.IsRunning(pid), $"process {pid} outlived the AppHost"));
        Assert.Contains("stopped", apphost.Output, StringComparison.Ordinal);
        Assert.All(new[] { "gateway", "compute", "drift", "postgres", "cache" },
            name => Assert.Matches($@"{name} stopped in \d+\.\d s", apphost.Output));
    }

    [Fact]
    public async Task A_taken_gateway_port_is_one_clear_error_and_a_non_zero_exit()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        using var apphost = StartAppHost("--gateway-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state-dir", _stateDirectory, "--no-docker");
        var exited = apphost.Process.WaitForExit(TimeSpan.FromSeconds(60));
        Assert.True(exited);
        await apphost.DrainAsync();

        Assert.Equal(1, apphost.Process.ExitCode);
        Assert.Contains($"error: port {port} on 127.0.0.1 (gateway) is already in use: stop what listens there, or choose another port (--gateway-port N)", apphost.Output, StringComparison.Ordinal);
        Assert.Empty(ProcessTree.DescendantsOf(apphost.Process.Id));
    }

    [Fact]
    public async Task An_unknown_option_exits_with_usage_code_2()
    {
        using var apphost = StartAppHost("--bogus");
        Assert.True(apphost.Process.WaitForExit(TimeSpan.FromSeconds(30)));
        await apphost.DrainAsync();


        Assert.Equal(2, apphost.Process.ExitCode);
        Assert.Contains("unknown option '--bogus'", apphost.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_postgres_binaries_are_one_clear_error_and_nothing_is_left_running()
    {
        var environment = new Dictionary<string, string> { ["FEATURESTORE_PG_BIN"] = Path.Combine(_stateDirectory, "no-such-bin") };

        using var apphost = StartAppHost(environment, "--gateway-port", "0", "--state-dir", _stateDirectory, "--no-docker");
        Assert.True(apphost.Process.WaitForExit(TimeSpan.FromSeconds(60)));
        await apphost.DrainAsync();

        Assert.Equal(1, apphost.Process.ExitCode);
        Assert.Contains("error: FEATURESTORE_PG_BIN=", apphost.Output, StringComparison.Ordinal);
        Assert.Empty(ProcessTree.DescendantsOf(apphost.Process.Id));
    }

    [Fact]
    public async Task A_server_that_will_not_start_is_reported_in_its_own_words_and_the_rest_is_stopped()
    {
        var fakeBin = Path.Combine(_stateDirectory, "fake-pg-bin");
        Directory.CreateDirectory(fakeBin);
        WriteScript(Path.Combine(fakeBin, "initdb"), "mkdir -p \"$2\" && echo 15 > \"$2/PG_VERSION\"");
        WriteScript(Path.Combine(fakeBin, "postgres"), "echo 'FATAL:  simulated: could not bind' >&2; exit 3");
        var environment = new Dictionary<string, string> { ["FEATURESTORE_PG_BIN"] = fakeBin };

        using var apphost = StartAppHost(environment, "--gateway-port", "0", "--state-dir", _stateDirectory, "--no-docker");
        Assert.True(apphost.Process.WaitForExit(TimeSpan.FromSeconds(60)));
        await apphost.DrainAsync();

        Assert.Equal(1, apphost.Process.ExitCode);
        Assert.Contains("error: postgres exited with code 3 while starting: FATAL:  simulated: could not bind", apphost.Output, StringComparison.Ordinal);
        Assert.Empty(ProcessTree.DescendantsOf(apphost.Process.Id));
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private static RunningAppHost StartAppHost(params string[] args) => StartAppHost(new Dictionary<string, string>(), args);

    private static void WriteScript(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    private static RunningAppHost StartAppHost(Dictionary<string, string> environment, params string[] args)
    {
        // Through env --default-signal=INT: a test run started in the background by a shell without job control
        // (`eng/test.sh &` in a script) inherits SIGINT as ignored, passes that on to the AppHost, and .NET then never
        // sees the test's Ctrl+C (docs/apphost.md). The AppHost gets SIGINT as a terminal would deliver it, whoever ran
        // the tests; env execs dotnet, so the process is still the AppHost.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(RepositoryLayout.ProjectAssembly("FeatureStore.AppHost"));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new RunningAppHost(Process.Start(start)!);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    /// <summary>A started AppHost with its output collected; killed on dispose if a test left it running.</summary>
    private sealed class RunningAppHost : IDisposable
    {
        private readonly System.Text.StringBuilder _output = new();
        private readonly Task _reading;

        public RunningAppHost(Process process)
        {
            Process = process;
            _reading = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public Task DrainAsync() => _reading;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }

        private async Task ReadAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
