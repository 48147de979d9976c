using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeatureStore.Core.Hosting;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Serving;
using FeatureStore.Drift.Hosting;
using FeatureStore.Drift.Runs;
using FeatureStore.Drift.Statistics;
using FeatureStore.Postgres;
using FeatureStore.Redis;
using FeatureStore.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeatureStore.Drift.Tests.Worker;

/// <summary>
/// A fresh database, the real gateway in-process (for writes, reads, GraphQL and exports), and the drift
/// worker's services wired as the worker wires them, on the same stores, driven by the test. Three features of
/// entity type <c>item</c>: a number, a category and an 8-d embedding. Windows are whole days before the current
/// hour: the current window is the last day, its rolling baseline the seven days before.
/// </summary>
public sealed class DriftStack : IAsyncDisposable
{
    public const string Price = "item:price";
    public const string Color = "item:color";
    public const string Embedding = "item:embedding";
    public const int Dimension = 8;

    private readonly HttpClient _http;
    private readonly IHost _drift;

    private DriftStack(MigratedDatabase database, GatewayFactory gateway, IHost drift)
    {
        Database = database;
        Gateway = gateway;
        _drift = drift;
        _http = gateway.CreateClient();
        Now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero);
        Current = new TimeWindow(hour.AddDays(-1), hour);
        Baseline = new TimeWindow(hour.AddDays(-8), hour.AddDays(-1));
    }

    public MigratedDatabase Database { get; }

    public GatewayFactory Gateway { get; }

    public HttpClient Http => _http;

    public DateTimeOffset Now { get; }

    /// <summary>The window a run checks: the last full day.</summary>
    public TimeWindow Current { get; }

    /// <summary>The rolling baseline of <see cref="Current"/>: the seven days before it.</summary>
    public TimeWindow Baseline { get; }

    public T Drift<T>() where T : notnull => _drift.Services.GetRequiredService<T>();

    public T Served<T>() where T : notnull => Gateway.Services.GetRequiredService<T>();

    /// <summary>A new stack on a fresh database of <paramref name="infrastructure"/> named after <paramref name="prefix"/>, with the three features registered.</summary>
    /// <param name="infrastructure">The shared Postgres and Redis.</param>
    /// <param name="prefix">The database name's prefix.</param>
    /// <param name="settings">Drift worker settings (e.g. <c>Drift:Webhook:Url</c>).</param>
    /// <param name="gatewaySettings">Gateway settings (e.g. the serving sample fraction).</param>
    public static async Task<DriftStack> CreateAsync(InfrastructureFixture infrastructure, string prefix, IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        var database = await MigratedDatabase.CreateAsync(infrastructure, prefix);
        var gateway = new GatewayFactory(database.ConnectionString, infrastructure.Redis.ConnectionString, settings: gatewaySettings);
        var drift = BuildDriftHost(database.ConnectionString, infrastructure.Redis.ConnectionString, settings);
        var stack = new DriftStack(database, gateway, drift);
        await stack.Served<IFeatureRegistry>().ApplyAsync([Definition(Price, new JsonObject { ["kind"] = "numeric" }),
            Definition(Color, new JsonObject { ["kind"] = "categorical", ["allowedValues"] = new JsonArray("red", "green", "blue") }),
            Definition(Embedding, new JsonObject { ["kind"] = "vector", ["dimension"] = Dimension })], "test", CancellationToken.None);
        return stack;
    }

    /// <summary>The drift worker's registration (without its loop), with small classifier settings to keep tests quick.</summary>
    private static IHost BuildDriftHost(string postgres, string redis, IReadOnlyDictionary<string, string>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:featurestore"] = postgres,
            ["ConnectionStrings:cache"] = redis,
            ["Drift:Classifier:Folds"] = "3",
            ["Drift:Classifier:Trees"] = "20",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.AddFeatureStore().AddPostgresOfflineStore("featurestore").AddRedisOnlineStore("cache").AddDriftChecks();
        return builder.Build();
    }

    private static Core.Registry.Definitions.FeatureSpec Definition(string name, JsonObject valueType) => Definitions.Read(new JsonObject
    {
        ["name"] = name,
        ["version"] = "1.0.0",
        ["entityType"] = "item",
        ["valueType"] = valueType,
        ["computation"] = new JsonObject { ["source"] = "items", ["aggregation"] = "latest", ["field"] = name.Split(':')[1] },
        ["refresh"] = "daily",
    });

    /// <summary>
    /// Writes one value of each feature for <paramref name="count"/> entities named <paramref name="prefix"/>-i,
    /// spread evenly over <paramref name="window"/>: prices N(<paramref name="mean"/>, 2), colours drawn from
    /// <paramref name="mix"/> (red, green, blue), embeddings a cluster turned by <paramref name="degrees"/>.
    /// </summary>
    public async Task WriteItemsAsync(string prefix, int count, TimeWindow window, int seed, double mean = 10, (double Red, double Green, double Blue)? mix = null, double degrees = 0)
    {
        var random = new Random(seed);
        var (red, green, blue) = mix ?? (0.6, 0.3, 0.1);
        var prices = Generated.Normal(random, count, mean, 2);
        var colors = Generated.Labels(random, count, ("red", red), ("green", green), ("blue", blue));
        var vectors = Generated.Cluster(random, count, Dimension, degrees);
        var step = (window.End - window.Start) / count;
        var inputs = new List<ValueInput>();
        for (var i = 0; i < count; i++)
        {
            var entity = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D4}");
            var at = window.Start + (step * i);
            inputs.Add(new ValueInput(Price, entity, JsonSerializer.SerializeToElement(Math.Round(prices[i], 6)), at));
            inputs.Add(new ValueInput(Color, entity, JsonSerializer.SerializeToElement(colors[i]), at));
            inputs.Add(new ValueInput(Embedding, entity, JsonSerializer.SerializeToElement(vectors[i]), at));
        }

        await Served<FeatureWriter>().WriteAsync(inputs, CancellationToken.None);
    }

    /// <summary>Runs a GraphQL query against the gateway; returns the whole response body.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        using var response = await _http.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new { query, variables }), System.Text.Encoding.UTF8, "application/json"));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A run of every feature over <paramref name="window"/> (the current one by default), as the worker runs a check.</summary>
    public Task<DriftRunResult> RunAsync(TimeWindow? window = null, params string[] only) =>
        Drift<DriftRun>().RunAsync(only, window ?? Current, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _drift.Dispose();
        await Gateway.DisposeAsync();
        await Database.DisposeAsync();
    }
}
