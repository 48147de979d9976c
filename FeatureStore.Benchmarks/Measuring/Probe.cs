namespace FeatureStore.Benchmarks.Measuring;

/// <summary>
/// One latency measure. <see cref="Prepare"/> builds the next request untimed and returns it as a
/// <see cref="Call"/>: only <see cref="Call.RunAsync"/> is timed; <see cref="Call.Verify"/> then
/// checks the answer (untimed) and throws when it is wrong, so errors are never measured as speed.
/// </summary>
internal sealed record Probe(string Name, Func<Random, Call> Prepare);

/// <summary>A prepared request: the timed part and the check of what it returned.</summary>
internal sealed record Call(Func<CancellationToken, Task> RunAsync, Action Verify);
