using System.Net;
using System.Text.Json;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>/health is readiness (Postgres, Redis, schema); /alive is the process alone.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class HealthEndpointTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Health_reports_postgres_redis_and_schema()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "health");
        await using var gateway = new GatewayFactory(database.ConnectionString, infrastructure.Redis.ConnectionString);
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.GetProperty("checks");
        Assert.Equal(["postgres", "redis", "schema", "self"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Health_is_503_while_the_schema_is_not_migrated_but_alive_is_200()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("unmigrated");
        await using var gateway = new GatewayFactory(connectionString, infrastructure.Redis.ConnectionString);
        using var client = gateway.CreateClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var schema = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("schema");
        Assert.Equal("Unhealthy", schema.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        var aliveChecks = JsonDocument.Parse(await alive.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(["self"], aliveChecks.EnumerateObject().Select(c => c.Name));
    }
}
