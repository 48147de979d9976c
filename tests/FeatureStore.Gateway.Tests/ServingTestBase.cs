using System.Text.Json;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>A fresh database and an in-process gateway per test, with three test features registered.</summary>
public abstract class ServingTestBase(InfrastructureFixture infrastructure, string prefix, string? redisOverride = null) : IAsyncLifetime
{
    protected const string Rate = "user:test_rate";
    protected const string Embedding = "msg:test_vec";
    protected const string Intent = "user:test_intent";

    private HttpClient? _http;

    protected MigratedDatabase Database { get; private set; } = null!;

    protected GatewayFactory Gateway { get; private set; } = null!;

    protected GraphQLTestClient Client { get; private set; } = null!;

    protected RecordingStores Stores { get; } = new();

    protected InfrastructureFixture Infrastructure => infrastructure;

    public async Task InitializeAsync()
    {
        Database = await MigratedDatabase.CreateAsync(infrastructure, prefix);
        Gateway = new GatewayFactory(Database.ConnectionString, redisOverride ?? infrastructure.Redis.ConnectionString, Stores.Decorate);
        _http = Gateway.CreateClient();
        Client = new GraphQLTestClient(_http);
        var applied = await Client.QueryAsync(
            "mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied } }",
            new { d = new object[] { RateDefinition("1.0.0", "ratio"), VectorDefinition(), IntentDefinition() } });
        Assert.True(applied.GetProperty("data").GetProperty("applyFeatureDefinitions").GetProperty("applied").GetBoolean(), applied.ToString());
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await Gateway.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected static object RateDefinition(string version, string aggregation) => new
    {
        name = Rate, version, entityType = "user", valueType = "numeric", ttl = "1h", refresh = "hourly",
        computation = new { source = "bookings", aggregation },
    };

    protected static object VectorDefinition() => new
    {
        name = Embedding, entityType = "message", valueType = new { kind = "vector", dimension = 3 }, refresh = "real-time",
        computation = new { source = "messages", aggregation = "embedding", field = "text" },
    };

    protected static object IntentDefinition() => new
    {
        name = Intent, entityType = "user", valueType = new { kind = "categorical", allowedValues = new[] { "booking", "pricing" } }, refresh = "daily",
        computation = new { source = "messages", aggregation = "mode", field = "intent" },
    };

    /// <summary>Writes values through the API and fails the test if the write reports any error.</summary>
    protected async Task<JsonElement> WriteAsync(params object[] values)
    {
        var body = await WriteExpectingErrorsAsync(values);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body;
    }

    /// <summary>Writes values through the API; returns the whole response, errors included.</summary>
    protected Task<JsonElement> WriteExpectingErrorsAsync(params object[] values) =>
        Client.QueryAsync("mutation($v: [FeatureValueInput!]!) { writeFeatureValues(values: $v) { written } }", new { v = values });

    protected static object Value(string feature, string entityId, object? value, string validFrom) => new { feature, entityId, value, validFrom };

    /// <summary>One entity's feature values, as <c>{name, version, value, source, stale, validFrom, validTo}</c> objects.</summary>
    protected async Task<JsonElement> FeaturesAsync(string type, string id, string[] names, string? asOf = null)
    {
        var body = await Client.QueryAsync(
            "query($t: String!, $id: ID!, $n: [String!]!, $a: DateTime) { entity(type: $t, id: $id, asOf: $a) { features(names: $n) { name version value source stale validFrom validTo } } }",
            new { t = type, id, n = names, a = asOf });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data").GetProperty("entity").GetProperty("features");
    }
}
