using System.Diagnostics;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Gateway.Tests;

/// <summary>The in-process cache: hot reads come from memory, and a write anywhere evicts them promptly.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CacheTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "cache")
{
    [Fact]
    public async Task A_repeated_read_is_served_from_the_cache_and_a_write_through_this_gateway_is_seen_at_once()
    {
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"));
        await WaitForCacheAsync();
        await WriteAsync(Value(Rate, "u1", 2, "2026-01-02T00:00:00Z"));

        var first = (await FeaturesAsync("user", "u1", [Rate]))[0];
        // This write's own notice also comes back to this gateway and may evict once more: read until cached.
        var cached = await ReadUntilCachedAsync();
        await WriteAsync(Value(Rate, "u1", 3, "2026-01-03T00:00:00Z"));
        var afterWrite = (await FeaturesAsync("user", "u1", [Rate]))[0];

        Assert.Equal("2 ONLINE", $"{first.GetProperty("value").GetRawText()} {first.GetProperty("source").GetString()}");
        Assert.Equal("2 CACHE", $"{cached.GetProperty("value").GetRawText()} {cached.GetProperty("source").GetString()}");
        Assert.Equal("3 ONLINE", $"{afterWrite.GetProperty("value").GetRawText()} {afterWrite.GetProperty("source").GetString()}");
    }

    private async Task<System.Text.Json.JsonElement> ReadUntilCachedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = (await FeaturesAsync("user", "u1", [Rate]))[0];
            if (value.GetProperty("source").GetString() == "CACHE" || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return value;
            }
        }
    }

    [Fact]
    public async Task A_write_through_another_gateway_evicts_this_ones_cache_by_notice_not_by_expiry()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var reader = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString, redisKeyPrefix: prefix);
        await using var writer = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString, redisKeyPrefix: prefix);
        var readerClient = new GraphQLTestClient(reader.CreateClient());
        var writerClient = new GraphQLTestClient(writer.CreateClient());
        const string Write = "mutation($v: [FeatureValueInput!]!) { writeFeatureValues(values: $v) { written } }";
        const string Read = """{ entity(type: "user", id: "u9") { feature(name: "user:test_rate") { value source } } }""";
        await writerClient.QueryAsync(Write, new { v = new[] { Value(Rate, "u9", 1, "2026-01-01T00:00:00Z") } });
        await WaitForCacheAsync(readerClient, Read);

        await writerClient.QueryAsync(Write, new { v = new[] { Value(Rate, "u9", 2, "2026-01-02T00:00:00Z") } });
        var clock = Stopwatch.StartNew();
        string seen;
        do
        {
            seen = (await readerClient.QueryAsync(Read)).GetProperty("data").GetProperty("entity").GetProperty("feature").GetProperty("value").GetRawText();
        }
        while (seen != "2" && clock.Elapsed < TimeSpan.FromSeconds(4));

        // Entries expire after 5 s regardless; seeing the write well before that means the notice evicted it.
        // (How fast notices arrive is a benchmark's question, not a test's.)
        Assert.Equal("2", seen);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the other gateway saw the write after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_gateway_with_warm_up_serves_even_the_first_read_of_an_entity_from_the_cache()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var writer = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString, redisKeyPrefix: prefix);
        const string Write = "mutation($v: [FeatureValueInput!]!) { writeFeatureValues(values: $v) { written } }";
        await new GraphQLTestClient(writer.CreateClient()).QueryAsync(Write, new { v = new[] { Value(Rate, "w1", 1, "2026-01-01T00:00:00Z"), Value(Rate, "w2", 2, "2026-01-01T00:00:00Z") } });

        await using var reader = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString, redisKeyPrefix: prefix,
            settings: new Dictionary<string, string> { ["FeatureStore:Cache:WarmUp"] = "true" });
        var readerClient = new GraphQLTestClient(reader.CreateClient());
        var cache = reader.Services.GetRequiredService<Core.Serving.CurrentValueCache>();
        var clock = Stopwatch.StartNew();
        while (cache.Count < 2 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        var body = await readerClient.QueryAsync("""{ entities(type: "user", ids: ["w1", "w2"]) { features(names: ["user:test_rate"]) { value source } } }""");
        var served = body.GetProperty("data").GetProperty("entities").EnumerateArray()
            .Select(e => e.GetProperty("features")[0]).Select(f => $"{f.GetProperty("value").GetRawText()} {f.GetProperty("source").GetString()}");
        Assert.Equal(["1 CACHE", "2 CACHE"], served);
    }

    [Fact]
    public async Task A_warmed_entry_is_refreshed_from_the_online_store_so_it_is_still_served_from_the_cache_after_max_age()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var writer = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString, redisKeyPrefix: prefix);
        const string Write = "mutation($v: [FeatureValueInput!]!) { writeFeatureValues(values: $v) { written } }";
        await new GraphQLTestClient(writer.CreateClient()).QueryAsync(Write, new { v = new[] { Value(Rate, "r1", 7, "2026-01-01T00:00:00Z") } });

        // Refreshed every half MaxAge (1 s): 3 s after the warm-up, an entry only the warm-up filled has expired twice over.
        await using var reader = new GatewayFactory(Database.ConnectionString, Infrastructure.Redis.ConnectionString, redisKeyPrefix: prefix,
            settings: new Dictionary<string, string> { ["FeatureStore:Cache:WarmUp"] = "true", ["FeatureStore:Cache:MaxAge"] = "00:00:02" });
        var readerClient = new GraphQLTestClient(reader.CreateClient());
        var cache = reader.Services.GetRequiredService<Core.Serving.CurrentValueCache>();
        var clock = Stopwatch.StartNew();
        while (cache.Count < 1 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var body = await readerClient.QueryAsync("""{ entity(type: "user", id: "r1") { feature(name: "user:test_rate") { value source } } }""");

        var served = body.GetProperty("data").GetProperty("entity").GetProperty("feature");
        Assert.Equal("7 CACHE", $"{served.GetProperty("value").GetRawText()} {served.GetProperty("source").GetString()}");
    }

    // The cache turns on once the change-notice subscription is up (a moment after start).
    private Task WaitForCacheAsync() =>
        WaitForCacheAsync(Client, """{ entity(type: "user", id: "u1") { feature(name: "user:test_rate") { source } } }""");

    private static async Task WaitForCacheAsync(GraphQLTestClient client, string query)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var body = await client.QueryAsync(query);
            if (body.GetProperty("data").GetProperty("entity").GetProperty("feature").GetProperty("source").GetString() == "CACHE")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the in-process cache never turned on");
    }
}
