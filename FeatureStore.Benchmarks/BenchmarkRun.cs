using System.Diagnostics;
using System.Runtime.InteropServices;
using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Floors;
using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;
using FeatureStore.Benchmarks.Reporting;
using FeatureStore.Benchmarks.Scenarios;
using FeatureStore.Benchmarks.Stack;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Values;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace FeatureStore.Benchmarks;

/// <summary>
/// One run, top to bottom: start the stack, load the data, start two gateways and the floors,
/// then measure latency (floors and gateway interleaved), throughput, the Zipf cache, the export
/// and its SQL floor, and last the notice bound (it writes). Everything started is stopped.
/// </summary>
internal static class BenchmarkRun
{
    private const int ManyEntities = 100;
    private const int Rounds = 5;

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        await using var stack = await StackUnderTest.StartAsync(cancellationToken);
        var data = new ServingDataset(options, startedAt);
        var database = stack.Services.GetRequiredService<NpgsqlDataSource>();
        var loading = Stopwatch.StartNew();
        var featureIds = await new DatasetLoader(data, database, stack.Services.GetRequiredService<IFeatureRegistry>(),
            stack.Services.GetRequiredService<IOnlineStore>()).LoadAsync(cancellationToken);
        var loadTime = loading.Elapsed;
        // The gateways start on the loaded stores, as a deployed gateway (re)starts: their cache warm-up sees the data.
        var (first, second) = await StartGatewaysAsync(stack, cancellationToken);
        await using var gatewayA = first;
        await using var gatewayB = second;
        using var floorRedis = await ConnectionMultiplexer.ConnectAsync(stack.RedisConnectionString);
        using var kestrelRedis = await ConnectionMultiplexer.ConnectAsync(stack.RedisConnectionString);
        await using var kestrel = await KestrelFloor.StartAsync(kestrelRedis, cancellationToken);
        await using var sqlConnection = await database.OpenConnectionAsync(cancellationToken);
        var environment = await DescribeAsync(startedAt, sqlConnection, floorRedis, data, loadTime, cancellationToken);
        var foreignCpu = ForeignCpu.Start();
        using var gateway = new GatewayClient(gatewayA.BaseAddress);
        var bodies = new GraphQLBodies(data.Features);
        // Also before the export alone: a warm-up still running takes the cores the export is measured on.
        var (warmShare, warmTime) = await CacheWarmth.WaitAsync(gateway, bodies, data, options.Seed + 2, cancellationToken);
        Console.WriteLine($"gateway-a: {warmShare:P1} of random users' values served from its warmed cache after {warmTime.TotalSeconds:0.0} s");
        if (options.Only == OnlyMeasure.Export)
        {
            return await ExportOnlyAsync(options, data, gatewayA, database, featureIds, foreignCpu, cancellationToken);
        }

        using var kestrelClient = new GatewayClient(kestrel.BaseAddress);
        var gatewayProbes = new GatewayProbes(gateway, bodies, data);
        Probe[] probes =
        [
            .. new RedisFloor(floorRedis, data).Probes(ManyEntities),
            .. KestrelFloor.Probes(kestrelClient, data, ManyEntities),
            .. new PostgresAsOfFloor(sqlConnection, data, featureIds).Probes(ManyEntities),
            .. gatewayProbes.Probes(ManyEntities),
        ];
        Console.WriteLine($"measure: latency of {probes.Length} measures, {options.Warmup.TotalSeconds:0.#} s warm-up each, then {Rounds} rounds of {options.Duration.TotalSeconds / Rounds:0.##} s each");
        var latency = await new LatencyRunner(options.Warmup, options.Duration, Rounds)
            .RunAsync(probes, new Random(options.Seed), gatewayProbes.ResetSources, cancellationToken);
        if (options.Only == OnlyMeasure.Latency)
        {
            Console.WriteLine();
            Console.WriteLine(Report.RenderLatency(latency, Sources(gatewayProbes)));
            return 0;
        }

        Console.WriteLine($"measure: throughput over {options.Connections} connections, {options.Duration.TotalSeconds:0.#} s each");
        using var kestrelMany = new GatewayClient(kestrel.BaseAddress, options.Connections);
        using var gatewayMany = new GatewayClient(gatewayA.BaseAddress, options.Connections);
        ThroughputResult[] throughput =
        [
            await ThroughputRunner.RunAsync(KestrelFloor.Probes(kestrelMany, data, ManyEntities).First(), options.Connections, options.Warmup, options.Duration, options.Seed, cancellationToken),
            await ThroughputRunner.RunAsync(new GatewayProbes(gatewayMany, bodies, data).Make(GatewayProbes.One, 1, asOf: false), options.Connections, options.Warmup, options.Duration, options.Seed, cancellationToken),
        ];

        var cache = new List<CacheResult>();
        foreach (var exponent in options.ZipfExponents)
        {
            Console.WriteLine($"measure: cache hit rate, Zipf s={exponent}, {options.Duration.TotalSeconds:0.#} s");
            cache.Add(await new ZipfCacheHits(gateway, bodies, data).MeasureAsync(exponent, options.Seed, options.Warmup, options.Duration, cancellationToken));
        }

        var spine = Spine.Create(data, options.Spine, new Random(options.Seed + 1));
        Console.WriteLine($"measure: training-set export of {spine.Count:N0} rows, then its SQL floor");
        using var exportClient = new GatewayClient(gatewayA.BaseAddress);
        var export = await new TrainingSetExport(exportClient, data).MeasureAsync(spine, options.ExportRuns, cancellationToken);
        var sqlFloor = await new LateralExportFloor(database, featureIds).MeasureAsync(spine, options.ExportRuns, cancellationToken);

        Console.WriteLine($"measure: notice delivery, {options.NoticeTrials} trials");
        using var writer = new GatewayClient(gatewayB.BaseAddress);
        using var reader = new GatewayClient(gatewayA.BaseAddress);
        var notice = await new NoticeDelivery(writer, reader, data).MeasureAsync(options.NoticeTrials, cancellationToken);

        var report = Report.Render(new BenchmarkResults
        {
            Options = options,
            Environment = foreignCpu?.Stop() is { } noise ? environment with { ForeignCpu = noise.Foreign, StolenCpu = noise.Stolen } : environment,
            Latency = latency,
            GatewaySources = Sources(gatewayProbes),
            Throughput = throughput,
            Cache = cache,
            Export = export,
            SqlFloorRowsPerSecond = sqlFloor,
            Notice = notice,
        });
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.OutFile is { } file)
        {
            await File.WriteAllTextAsync(file, report, cancellationToken);
            Console.WriteLine($"results written to {file}");
        }

        // A wrong export answer is an error; a missing endpoint (404) is not yet.
        return export.State == ExportState.Failed ? 1 : 0;
    }

    private static Dictionary<string, SourceCounts> Sources(GatewayProbes probes) => new()
    {
        [GatewayProbes.One] = probes.Sources(GatewayProbes.One),
        [GatewayProbes.Hundred] = probes.Sources(GatewayProbes.Hundred),
        [GatewayProbes.OneAsOf] = probes.Sources(GatewayProbes.OneAsOf),
        [GatewayProbes.HundredAsOf] = probes.Sources(GatewayProbes.HundredAsOf),
    };

    private static async Task<int> ExportOnlyAsync(BenchmarkOptions options, ServingDataset data, GatewayProcess gateway, NpgsqlDataSource database, IReadOnlyList<Guid> featureIds,
        ForeignCpu? foreignCpu, CancellationToken cancellationToken)
    {
        var spine = Spine.Create(data, options.Spine, new Random(options.Seed + 1));
        Console.WriteLine($"measure: training-set export of {spine.Count:N0} rows, then its SQL floor");
        using var exportClient = new GatewayClient(gateway.BaseAddress);
        var export = await new TrainingSetExport(exportClient, data).MeasureAsync(spine, options.ExportRuns, cancellationToken);
        var sqlFloor = await new LateralExportFloor(database, featureIds).MeasureAsync(spine, options.ExportRuns, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(Report.RenderExport(options, export, sqlFloor));
        if (foreignCpu?.Stop() is { } noise)
        {
            Console.WriteLine($"While measuring, processes outside this run used {noise.Foreign:P1} of the cores (hypervisor steal {noise.Stolen:P1}).");
        }

        return export.State == ExportState.Failed ? 1 : 0;
    }

    // Two gateways, started together: A serves every read; B writes in the notice trials.
    private static async Task<(GatewayProcess A, GatewayProcess B)> StartGatewaysAsync(StackUnderTest stack, CancellationToken cancellationToken)
    {
        Task<GatewayProcess>[] starts =
        [
            GatewayProcess.StartAsync("gateway-a", stack.PostgresConnectionString, stack.RedisConnectionString, cancellationToken),
            GatewayProcess.StartAsync("gateway-b", stack.PostgresConnectionString, stack.RedisConnectionString, cancellationToken),
        ];
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        return (starts[0].Result, starts[1].Result);
    }

    private static async Task<RunEnvironment> DescribeAsync(DateTimeOffset startedAt, NpgsqlConnection connection, ConnectionMultiplexer redis, ServingDataset data, TimeSpan loadTime, CancellationToken cancellationToken)
    {
        await using var vector = new NpgsqlCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'", connection);
        var pgvector = await vector.ExecuteScalarAsync(cancellationToken);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        return new RunEnvironment(startedAt, Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            $"PostgreSQL {connection.PostgreSqlVersion} + pgvector {pgvector}", server.Version.ToString(), data.HistoryRows, loadTime);
    }
}
