using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using FeatureStore.Benchmarks.Stack;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// The computation mode measures with Compute's garbage collector. Its replicas run in this process, and Compute runs
/// server GC (the web SDK's default), while this console process starts with workstation GC, under which the same batch
/// spent 25 % more CPU (100k messages: 61.0 against 45.5 CPU-s, 2026-12-07). The serving mode keeps workstation GC: its
/// load generator's and floors' latencies would take server GC's longer pauses. So this mode runs itself again, as a
/// child with <c>DOTNET_gcServer=1</c> and the same arguments and console, and passes Ctrl+C and SIGTERM on to it.
/// </summary>
internal static class ServerGcProcess
{
    public static bool IsNeeded => !GCSettings.IsServerGC;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("this process' executable is unknown");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // `dotnet FeatureStore.Benchmarks.dll ...` (dotnet run starts the apphost, which needs no assembly argument).
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("computation");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        using var stop = new CancellationTokenSource();
        using var signals = Signals.CancelOnStop(stop);
        using var forward = stop.Token.Register(() => Signals.Terminate(child.Id));
        await child.WaitForExitAsync(CancellationToken.None);
        return child.ExitCode;
    }
}
