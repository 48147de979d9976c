using FeatureStore.Launcher.Processes;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>With Redis unreachable, writes still land in Postgres and reads are served from its durable copy, without errors.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RedisDownTests(InfrastructureFixture infrastructure)
    : ServingTestBase(infrastructure, "redisdown", $"127.0.0.1:{FreePort.Next()},connectTimeout=300,syncTimeout=500,asyncTimeout=500,connectRetry=0")
{
    [Fact]
    public async Task Values_are_written_and_served_from_postgres_when_redis_is_down()
    {
        var written = await WriteAsync(Value(Rate, "u1", 0.75, DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O")));
        var served = (await FeaturesAsync("user", "u1", [Rate, Intent]))!;

        Assert.Equal(1, written.GetProperty("data").GetProperty("writeFeatureValues").GetProperty("written").GetInt32());
        Assert.Equal((0.75, "ONLINE"), (served[0].GetProperty("value").GetDouble(), served[0].GetProperty("source").GetString()));
        Assert.Equal("MISSING", served[1].GetProperty("source").GetString());
        Assert.Contains(Stores.Calls, c => c.StartsWith("offline.current 2 keys", StringComparison.Ordinal));
    }
}
