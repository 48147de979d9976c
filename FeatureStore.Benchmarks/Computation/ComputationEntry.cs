using FeatureStore.Launcher;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>The <c>computation</c> mode's entry: parse, run bounded by two hours and Ctrl+C, report failures in a sentence.</summary>
internal static class ComputationEntry
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ComputationBenchmarkOptions options;
        try
        {
            options = ComputationBenchmarkOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(ComputationBenchmarkOptions.Usage);
            return 0;
        }

        if (ServerGcProcess.IsNeeded)
        {
            return await ServerGcProcess.RunAsync(args);
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromHours(2));
        using var signals = Stack.Signals.CancelOnStop(stop);
        try
        {
            using var times = new SqlTimes();
            var code = await ComputationRun.RunAsync(options, stop.Token);
            times.Print();
            return code;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("benchmark stopped before the end; everything it started has been stopped");
            return 130;
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or LaunchException)
        {
            await Console.Error.WriteLineAsync($"benchmark failed: {error.Message}");
            return 1;
        }
    }
}
