using FeatureStore.Benchmarks;
using FeatureStore.Benchmarks.Stack;
using FeatureStore.Launcher;

if (args is ["computation", .. var computationArgs])
{
    return await FeatureStore.Benchmarks.Computation.ComputationEntry.RunAsync(computationArgs);
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

// Bounded: Ctrl+C, SIGTERM or an hour stops it, and everything it started is stopped on the way out.
using var stop = new CancellationTokenSource(TimeSpan.FromHours(1));
using var signals = Signals.CancelOnStop(stop);
try
{
    return await BenchmarkRun.RunAsync(options, stop.Token);
}
catch (Exception) when (stop.IsCancellationRequested)
{
    // Stopping tears the stack down under the measure in flight, which then sees errors: they are the stop's, not wrong answers.
    Console.Error.WriteLine("benchmark stopped before the end; everything it started has been stopped");
    return 130;
}
catch (Exception error)
{
    // Expected failures (a wrong answer, a server that did not start) are told in a sentence; anything else with its stack.
    var expected = error is InvalidOperationException or TimeoutException or LaunchException;
    Console.Error.WriteLine($"benchmark failed: {(expected ? error.Message : error.ToString())}");
    return 1;
}
