using System.Text.Json;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Computation.Streaming;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Sources;
using FeatureStore.Launcher;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FeatureStore.Gateway.Tests.Computation;

/// <summary>
/// A fresh database and an in-process gateway with the 16 catalog features registered and a fixed
/// clock; the Compute pipelines (batch planner and worker, stream processor) are driven by the
/// test through the same Core services the Compute replicas run.
/// </summary>
public sealed class ComputationStack : IAsyncDisposable
{
    private readonly HttpClient _http;

    private ComputationStack(MigratedDatabase database, GatewayFactory gateway, FixedClock clock)
    {
        Database = database;
        Gateway = gateway;
        Clock = clock;
        _http = gateway.CreateClient();
        Client = new GraphQLTestClient(_http);
    }

    public MigratedDatabase Database { get; }

    public GatewayFactory Gateway { get; }

    public FixedClock Clock { get; }

    public GraphQLTestClient Client { get; }

    public T Get<T>() where T : notnull => Gateway.Services.GetRequiredService<T>();

    public static async Task<ComputationStack> CreateAsync(InfrastructureFixture infrastructure, string prefix, DateTimeOffset now, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        var database = await MigratedDatabase.CreateAsync(infrastructure, prefix);
        var clock = new FixedClock(now);
        var gateway = new GatewayFactory(database.ConnectionString, infrastructure.Redis.ConnectionString,
            services => services.AddSingleton<TimeProvider>(clock), settings: settings);
        var stack = new ComputationStack(database, gateway, clock);
        await stack.ApplyCatalogAsync();
        return stack;
    }

    /// <summary>Applies the repository's catalog (again: a re-apply changes nothing but runs the registry's index ensure).</summary>
    public async Task ApplyCatalogAsync()
    {
        var (specs, problems) = DefinitionFiles.Load(Path.Combine(RepositoryLayout.Root, "features"), new Dictionary<string, string>());
        Assert.Empty(problems);
        await Get<IFeatureRegistry>().ApplyAsync(specs, "test", CancellationToken.None);
    }

    /// <summary>Plans what is due now and runs every work item to the end, as one Compute replica would.</summary>
    public async Task<IReadOnlyList<ComputationJob>> RunBatchAsync(string worker = "test-worker")
    {
        var jobs = await Get<BatchPlanner>().PlanDueAsync(CancellationToken.None);
        await DrainAsync(worker);
        return jobs;
    }

    /// <summary>Processes work items until the queue is empty.</summary>
    public async Task DrainAsync(string worker = "test-worker")
    {
        var processor = Get<WorkItemProcessor>();
        while (await processor.ProcessNextAsync(worker, CancellationToken.None))
        {
        }
    }

    /// <summary>Applies stream entries until the stream has none left for this consumer.</summary>
    public async Task<int> DrainStreamAsync(string consumer = "test-consumer")
    {
        var processor = Get<StreamProcessor>();
        var total = 0;
        for (int read; (read = await processor.ProcessNextAsync(consumer, CancellationToken.None)) > 0;)
        {
            total += read;
        }

        return total;
    }

    /// <summary>Sends rows through the ingestEvents mutation, failing the test on any error.</summary>
    public async Task IngestAsync(SourceBatch batch)
    {
        var body = await Client.QueryAsync("mutation($b: JSON!) { ingestEvents(batch: $b) { accepted streamId } }",
            new { b = JsonSerializer.Deserialize<JsonElement>(SourceBatchJson.Serialize(batch)) });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
    }

    /// <summary>Features of entities as <c>feature|entity -> (value, validFrom, source)</c>, read through GraphQL now.</summary>
    public async Task<Dictionary<string, (string Value, string? ValidFrom, string Source)>> ReadAsync(string type, IReadOnlyList<string> ids, IReadOnlyList<string> features)
    {
        var body = await Client.QueryAsync(
            "query($t: String!, $ids: [ID!]!, $n: [String!]!) { entities(type: $t, ids: $ids) { id features(names: $n) { name value validFrom source } } }",
            new { t = type, ids, n = features });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var values = new Dictionary<string, (string, string?, string)>();
        foreach (var entity in body.GetProperty("data").GetProperty("entities").EnumerateArray())
        {
            foreach (var feature in entity.GetProperty("features").EnumerateArray())
            {
                values[$"{feature.GetProperty("name").GetString()}|{entity.GetProperty("id").GetString()}"] = (
                    feature.GetProperty("value").GetRawText(),
                    feature.GetProperty("validFrom").ValueKind == JsonValueKind.Null ? null : feature.GetProperty("validFrom").GetString(),
                    feature.GetProperty("source").GetString()!);
            }
        }

        return values;
    }

    public async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await ValueAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<string> StringAsync(string sql) => (string)(await ValueAsync(sql))!;

    private async Task<object?> ValueAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Gateway.DisposeAsync();
        await Database.DisposeAsync();
    }
}
