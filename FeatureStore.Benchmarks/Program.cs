using FeatureStore.Benchmarks;

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

// Bounded: Ctrl+C or an hour stops it, and everything it started is stopped on the way out.
using var stop = new CancellationTokenSource(TimeSpan.FromHours(1));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await BenchmarkRun.RunAsync(options, stop.Token);
