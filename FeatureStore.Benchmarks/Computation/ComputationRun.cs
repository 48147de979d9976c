using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using FeatureStore.Benchmarks.Measuring;
using FeatureStore.Benchmarks.Stack;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Sources;
using FeatureStore.Launcher;
using FeatureStore.SyntheticData;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FeatureStore.Benchmarks.Computation;

/// <summary>
/// The computation benchmark: load generated TIS TIS traffic, time the catalog's aggregations as
/// plain SQL GROUP BY (the floor), then the full batch run of the whole catalog (planner plus
/// replicas on the shared queue, writing history and online values), then the streaming path's
/// event-to-online latency, one event at a time. Everything started is stopped.
/// </summary>
internal static class ComputationRun
{
    public static async Task<int> RunAsync(ComputationBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        await using var stack = await StackUnderTest.StartAsync(cancellationToken);
        var services = stack.Services;
        var database = services.GetRequiredService<NpgsqlDataSource>();
        var (specs, problems) = DefinitionFiles.Load(Path.Combine(RepositoryLayout.Root, "features"), new Dictionary<string, string>());
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the catalog has problems: {string.Join("; ", problems)}");
        }

        await services.GetRequiredService<IFeatureRegistry>().ApplyAsync(specs, "benchmark", cancellationToken);
        var load = await LoadAsync(options, services.GetRequiredService<ISourceStore>(), startedAt, cancellationToken);

        Console.WriteLine("measure: the SQL GROUP BY floor");
        var floor = await GroupByFloor.MeasureAsync(database, cancellationToken);
        var floorTime = TimeSpan.FromTicks(floor.Sum(f => f.Time.Ticks));

        Console.WriteLine($"measure: the batch run of {specs.Count} features, {options.Replicas} replica(s)");
        var postgresCpu = await PostgresCpu.OfServerAsync(database, cancellationToken);
        var batch = await RunBatchAsync(options, services, database, postgresCpu, cancellationToken);

        Console.WriteLine("measure: one work item per entity type, phase by phase");
        var phases = await PhaseBreakdown.MeasureAsync(services, database, services.GetRequiredService<BatchOptions>().EntitiesPerItem, cancellationToken);

        Console.WriteLine($"measure: streaming, {StreamingLatency.WarmUpEvents} + {options.Events} events one at a time");
        var streaming = await StreamingLatency.MeasureAsync(services, database, stack.RedisConnectionString, options.Events, options.Seed, cancellationToken);

        // Last, so the streaming measure follows the batch as it always has.
        Console.WriteLine($"measure: the storage floor, the batch's rows copied by {options.Replicas} connection(s)");
        var postgresBefore = postgresCpu.Used();
        var storage = await StorageFloor.MeasureAsync(database, options.Replicas, cancellationToken);
        var storagePostgresCpu = postgresCpu.Used() - postgresBefore;

        var report = Render(options, startedAt, load, floor, floorTime, batch, storage, storagePostgresCpu, phases, streaming);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.OutFile is { } file)
        {
            await File.WriteAllTextAsync(file, report, cancellationToken);
            Console.WriteLine($"results written to {file}");
        }

        return batch.Errors == 0 ? 0 : 1;
    }

    private static async Task<(long Rows, long Messages, TimeSpan Time)> LoadAsync(ComputationBenchmarkOptions options, ISourceStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var generator = new TisTisGenerator(new TisTisGeneratorOptions
        {
            Seed = options.Seed, Tenants = options.Tenants, UsersPerTenant = options.UsersPerTenant, Messages = options.Messages,
            Start = end.AddDays(-30), Window = TimeSpan.FromDays(30),
        });
        Console.WriteLine($"load: {options.Messages:N0} messages, {options.Tenants} tenants x {options.UsersPerTenant:N0} users, 30 days");
        var watch = Stopwatch.StartNew();
        long rows = 0, messages = 0;
        foreach (var batch in generator.Batches(20_000))
        {
            await store.WriteAsync(batch, cancellationToken);
            rows += batch.RowCount;
            messages += batch.Messages.Count;
        }

        Console.WriteLine(Text($"load: {rows:N0} source rows in {watch.Elapsed.TotalSeconds:0.0} s"));
        return (rows, messages, watch.Elapsed);
    }

    private static async Task<BatchResult> RunBatchAsync(ComputationBenchmarkOptions options, IServiceProvider services, NpgsqlDataSource database, PostgresCpu postgresCpu,
        CancellationToken cancellationToken)
    {
        var postgresBefore = postgresCpu.Used();
        var activityBefore = await PostgresActivity.NowAsync(database, cancellationToken);
        var countersBefore = ProcessCounters.Now();
        var watch = Stopwatch.StartNew();
        var jobs = await services.GetRequiredService<BatchPlanner>().PlanDueAsync(cancellationToken);
        var planTime = watch.Elapsed;
        var processor = services.GetRequiredService<WorkItemProcessor>();
        using var progress = new CancellationTokenSource();
        var reporter = ReportProgressAsync(database, watch, progress.Token);
        await Task.WhenAll(Enumerable.Range(0, options.Replicas).Select(i => Task.Run(async () =>
        {
            while (await processor.ProcessNextAsync($"bench-{i}", cancellationToken))
            {
            }
        }, cancellationToken)));
        var total = watch.Elapsed;
        var counters = ProcessCounters.Now() - countersBefore;
        var postgres = postgresCpu.Used() - postgresBefore;
        await progress.CancelAsync();
        await reporter;

        // The replica that ends the last job builds its deferred vector indexes after marking it done: the time since
        // then (read right after the replicas stopped) is that build.
        await using var lastJob = database.CreateCommand("SELECT coalesce(extract(epoch FROM now() - max(completed_at)), 0)::float8 FROM ai_computation_jobs");
        var afterLastItem = TimeSpan.FromSeconds((double)(await lastJob.ExecuteScalarAsync(cancellationToken))!);
        // The server flushes its counters about once a second: a moment for the batch's last ones, read before the
        // counts below scan the tables.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var activity = await PostgresActivity.NowAsync(database, cancellationToken) - activityBefore;

        await using var command = database.CreateCommand("""
            SELECT (SELECT count(*) FROM ai_feature_values_offline), (SELECT count(*) FROM ai_feature_values_online),
                   (SELECT coalesce(sum(errors), 0) FROM ai_computation_jobs), (SELECT count(*) FROM ai_computation_jobs WHERE status <> 'done')
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new BatchResult(jobs.Count, jobs.Sum(j => j.ItemsTotal), planTime, total, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            afterLastItem, counters, postgres, activity);
    }

    private static async Task ReportProgressAsync(NpgsqlDataSource database, Stopwatch watch, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
                await using var command = database.CreateCommand("SELECT coalesce(sum(items_done), 0), coalesce(sum(items_total), 0), coalesce(sum(entities_done), 0) FROM ai_computation_jobs");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                Console.WriteLine(Text($"  {watch.Elapsed.TotalSeconds,6:0} s: {reader.GetInt64(0):N0} / {reader.GetInt64(1):N0} items, {reader.GetInt64(2):N0} entities"));
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private static string Render(ComputationBenchmarkOptions options, DateTimeOffset startedAt, (long Rows, long Messages, TimeSpan Time) load,
        IReadOnlyList<(string Name, TimeSpan Time, long Rows)> floor, TimeSpan floorTime, BatchResult batch, StorageFloor.Result storage, TimeSpan? storagePostgresCpu,
        IReadOnlyList<(string EntityType, int Entities, int Values, TimeSpan Load, TimeSpan Compute, TimeSpan Write, TimeSpan Offline, TimeSpan Online)> phases,
        (Percentiles Steady, IReadOnlyList<double> WarmUp) streaming)
    {
        var text = new StringBuilder();
        text.AppendLine(Text($"## Computation benchmark, {startedAt:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine();
        text.AppendLine(Text($"Command: `dotnet run -c Release --project FeatureStore.Benchmarks -- computation --messages {options.Messages} --tenants {options.Tenants} --users {options.UsersPerTenant} --replicas {options.Replicas} --events {options.Events}`; {Environment.ProcessorCount} cores."));
        text.AppendLine();
        text.AppendLine(Text($"Source data: {load.Rows:N0} rows ({load.Messages:N0} messages) loaded in {load.Time.TotalSeconds:0.0} s."));
        text.AppendLine();
        text.AppendLine("| floor query (plain SQL, read to the end) | rows | time (s) |");
        text.AppendLine("|---|---|---|");
        foreach (var (name, time, rows) in floor)
        {
            text.AppendLine(Text($"| {name} | {rows:N0} | {time.TotalSeconds:0.00} |"));
        }

        text.AppendLine(Text($"| **total** | | **{floorTime.TotalSeconds:0.00}** |"));
        text.AppendLine();
        text.AppendLine("| batch run of the whole catalog (the 16 features and the classifier's context features) | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(Text($"| jobs / work items | {batch.Jobs} / {batch.Items:N0} |"));
        text.AppendLine(Text($"| planning (incl. changed-entity queries) | {batch.Plan.TotalSeconds:0.0} s |"));
        text.AppendLine(Text($"| total (planning + computing + writing + building deferred vector indexes) | {batch.Total.TotalSeconds:0.0} s |"));
        text.AppendLine(Text($"| of which from the last job's end to the replicas' stop (its deferred vector indexes being built) | {batch.AfterLastItem.TotalSeconds:0.0} s |"));
        text.AppendLine(Text($"| messages/s | {load.Messages / batch.Total.TotalSeconds:N0} |"));
        text.AppendLine(Text($"| history rows written (values/s) | {batch.HistoryRows:N0} ({batch.HistoryRows / batch.Total.TotalSeconds:N0}/s) |"));
        text.AppendLine(Text($"| online values | {batch.OnlineRows:N0} |"));
        text.AppendLine(Text($"| CPU time of this process (where the replicas run) | {batch.Process.Cpu.TotalSeconds:0.0} s ({batch.Process.Cpu / batch.Total:0.00} cores) |"));
        text.AppendLine(Text($"| CPU time of the Postgres server (all its processes) | {(batch.PostgresCpu is { } postgres ? Text($"{postgres.TotalSeconds:0.0} s ({postgres / batch.Total:0.00} cores)") : "not a local process")} |"));
        text.AppendLine(Text($"| Postgres during the batch | {batch.PostgresActivity} |"));
        text.AppendLine(Text($"| garbage collections in this process (where the replicas run): gen0 / gen1 / gen2, paused, allocated | {batch.Process.Gen0:N0} / {batch.Process.Gen1:N0} / {batch.Process.Gen2:N0}, {batch.Process.Paused.TotalSeconds:0.0} s ({batch.Process.Paused / batch.Total:P0} of the batch), {batch.Process.AllocatedBytes / (1024.0 * 1024 * 1024):0.0} GB ({(GCSettings.IsServerGC ? "server" : "workstation")} GC) |"));
        text.AppendLine(Text($"| errors (bad rows, failed computations) / unfinished jobs | {batch.Errors:N0} / {batch.Unfinished} |"));
        text.AppendLine(Text($"| **ratio to the GROUP BY floor** | **{batch.Total.TotalSeconds / floorTime.TotalSeconds:0.0}x** (target ≤ 2x) |"));
        text.AppendLine(Text($"| storage floor: the batch's {storage.Rows:N0} Postgres rows copied into empty tables of the same shape by {options.Replicas} connection(s), then its HNSW indexes built | {storage.Total.TotalSeconds:0.0} s (copy {storage.Copy.TotalSeconds:0.0} s, HNSW {storage.VectorIndexes.TotalSeconds:0.0} s) |"));
        text.AppendLine(Text($"| storage floor / GROUP BY floor (what no batch that stores these values can win) | {storage.Total.TotalSeconds / floorTime.TotalSeconds:0.0}x |"));
        text.AppendLine(Text($"| **batch / storage floor** (what our code could still win) | **{batch.Total.TotalSeconds / storage.Total.TotalSeconds:0.00}x** |"));
        if (batch.PostgresCpu is { } batchCpu && storagePostgresCpu is { } storageCpu)
        {
            text.AppendLine(Text($"| Postgres CPU time, batch / storage floor ({batchCpu.TotalSeconds:0.0} s / {storageCpu.TotalSeconds:0.0} s: the work our SQL adds to storing) | {batchCpu / storageCpu:0.00}x |"));
        }

        text.AppendLine();
        text.AppendLine("| one work item, again | entities | values | load (s) | compute (s) | write (s) | of which Postgres (s) | Redis (s) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (type, entities, values, loadTime, compute, write, offline, online) in phases)
        {
            text.AppendLine(Text($"| {type} | {entities:N0} | {values:N0} | {loadTime.TotalSeconds:0.00} | {compute.TotalSeconds:0.00} | {write.TotalSeconds:0.00} | {offline.TotalSeconds:0.00} | {online.TotalSeconds:0.00} |"));
        }

        text.AppendLine();
        var (steady, warmUp) = streaming;
        text.AppendLine(Text($"Streaming, event published to value online (polled every 1 ms in Redis), {steady.Count} events after {warmUp.Count} first ones ({string.Join(" / ", warmUp.Select(w => w.ToString("0.0", CultureInfo.InvariantCulture)))} ms, the stream path's first use in this process): p50 {steady.P50:0.0} ms, p99 {steady.P99:0.0} ms, max {steady.Max:0.0} ms (target p99 < 100 ms)."));
        return text.ToString();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record BatchResult(int Jobs, int Items, TimeSpan Plan, TimeSpan Total, long HistoryRows, long OnlineRows, long Errors, long Unfinished, TimeSpan AfterLastItem, ProcessCounters Process, TimeSpan? PostgresCpu,
        PostgresActivity PostgresActivity);
}
