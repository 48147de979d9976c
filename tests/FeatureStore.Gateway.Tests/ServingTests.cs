using System.Text.Json;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>Writing and reading values over GraphQL against the real Redis and Postgres.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ServingTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "serving")
{
    [Fact]
    public async Task A_written_value_is_served_online_with_its_version_and_missing_ones_say_so()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
        await WriteAsync(Value(Rate, "u1", 0.25, now), Value(Embedding, "m1", new[] { 0.1, 0.2, 0.3 }, now));

        var user = await FeaturesAsync("user", "u1", [Rate, Intent]);
        var message = await FeaturesAsync("message", "m1", [Embedding]);

        Assert.Equal((0.25, "1.0.0", "ONLINE", false), (user[0].GetProperty("value").GetDouble(), user[0].GetProperty("version").GetString(), user[0].GetProperty("source").GetString(), user[0].GetProperty("stale").GetBoolean()));
        Assert.Equal((JsonValueKind.Null, "MISSING"), (user[1].GetProperty("value").ValueKind, user[1].GetProperty("source").GetString()));
        Assert.Equal("[0.1,0.2,0.3]", message[0].GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Out_of_order_writes_split_intervals_and_as_of_reads_respect_every_boundary()
    {
        await WriteAsync(Value(Rate, "u1", 3, "2026-03-01T00:00:00Z"));
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"));
        await WriteAsync(Value(Rate, "u1", 2, "2026-02-01T00:00:00Z"));

        async Task<string> AsOf(string instant)
        {
            var value = (await FeaturesAsync("user", "u1", [Rate], instant))[0];
            return $"{value.GetProperty("value").GetRawText()} {value.GetProperty("source").GetString()} {value.GetProperty("validTo").GetRawText()}";
        }

        Assert.Equal("null MISSING null", await AsOf("2025-12-31T23:59:59.999Z"));
        Assert.Equal("1 OFFLINE \"2026-02-01T00:00:00+00:00\"", await AsOf("2026-01-01T00:00:00Z"));
        Assert.Equal("1 OFFLINE \"2026-02-01T00:00:00+00:00\"", await AsOf("2026-01-31T23:59:59.999Z"));
        Assert.Equal("2 OFFLINE \"2026-03-01T00:00:00+00:00\"", await AsOf("2026-02-01T00:00:00Z"));
        Assert.Equal("3 OFFLINE null", await AsOf("2030-01-01T00:00:00Z"));
        Assert.Equal("3", (await FeaturesAsync("user", "u1", [Rate]))[0].GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Rewriting_the_same_instant_replaces_the_value_without_a_second_row()
    {
        await WriteAsync(Value(Rate, "u1", 0.1, "2026-01-01T00:00:00Z"));
        await WriteAsync(Value(Rate, "u1", 0.2, "2026-01-01T00:00:00Z"));

        Assert.Equal(1, await Sql.ScalarAsync<long>(Database.ConnectionString, "SELECT count(*) FROM ai_feature_values_offline"));
        Assert.Equal(0.2, (await FeaturesAsync("user", "u1", [Rate], "2026-06-01T00:00:00Z"))[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_field_as_of_overrides_the_entity_as_of()
    {
        await WriteAsync(Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"), Value(Rate, "u1", 2, "2026-02-01T00:00:00Z"));

        var body = await Client.QueryAsync("""
            { entity(type: "user", id: "u1", asOf: "2026-01-15T00:00:00Z") {
                jan: feature(name: "user:test_rate") { value }
                feb: feature(name: "user:test_rate", asOf: "2026-02-15T00:00:00Z") { value } } }
            """);

        var entity = body.GetProperty("data").GetProperty("entity");
        Assert.Equal((1, 2), (entity.GetProperty("jan").GetProperty("value").GetInt32(), entity.GetProperty("feb").GetProperty("value").GetInt32()));
    }

    [Fact]
    public async Task Pinned_readers_keep_their_value_line_after_a_new_major_version()
    {
        await WriteAsync(Value(Rate, "u1", 0.5, "2026-01-01T00:00:00Z"));
        await Client.QueryAsync("mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied } }", new { d = new[] { RateDefinition("2.0.0", "avg") } });
        await WriteAsync(Value(Rate, "u1", 7, "2026-01-02T00:00:00Z"));

        var values = await FeaturesAsync("user", "u1", [Rate, Rate + "@1", Rate + "@1.0.0", Rate + "@2"]);

        Assert.Equal(["7 2.0.0", "0.5 1.0.0", "0.5 1.0.0", "7 2.0.0"], values.EnumerateArray().Select(v => $"{v.GetProperty("value").GetRawText()} {v.GetProperty("version").GetString()}"));
    }

    [Fact]
    public async Task A_value_older_than_its_time_to_live_is_served_marked_stale()
    {
        await WriteAsync(Value(Rate, "old", 1, DateTimeOffset.UtcNow.AddHours(-2).ToString("O")), Value(Rate, "new", 1, DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O")));

        var old = (await FeaturesAsync("user", "old", [Rate]))[0];
        var fresh = (await FeaturesAsync("user", "new", [Rate]))[0];

        Assert.True(old.GetProperty("stale").GetBoolean());
        Assert.Equal(1, old.GetProperty("value").GetInt32());
        Assert.False(fresh.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task A_feature_with_the_omit_policy_serves_no_stale_value_but_still_says_it_is_stale()
    {
        await Client.QueryAsync("mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied } }", new
        {
            d = new[]
            {
                new
                {
                    name = "user:test_fresh_only", entityType = "user", valueType = "numeric", ttl = "1h", stalePolicy = "omit", refresh = "hourly",
                    computation = new { source = "bookings", aggregation = "count" },
                },
            },
        });
        await WriteAsync(Value("user:test_fresh_only", "old", 5, DateTimeOffset.UtcNow.AddHours(-2).ToString("O")),
            Value("user:test_fresh_only", "new", 6, DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O")));

        var old = (await FeaturesAsync("user", "old", ["user:test_fresh_only"]))[0];
        var fresh = (await FeaturesAsync("user", "new", ["user:test_fresh_only"]))[0];

        Assert.Equal("null True ONLINE", $"{old.GetProperty("value").GetRawText()} {old.GetProperty("stale").GetBoolean()} {old.GetProperty("source").GetString()}");
        Assert.Equal("6 False", $"{fresh.GetProperty("value").GetRawText()} {fresh.GetProperty("stale").GetBoolean()}");
    }

    [Fact]
    public async Task Entities_come_back_in_the_order_of_their_ids()
    {
        await WriteAsync(Value(Rate, "a", 1, "2026-01-01T00:00:00Z"), Value(Rate, "b", 2, "2026-01-01T00:00:00Z"));

        var body = await Client.QueryAsync("""{ entities(type: "user", ids: ["b", "zz", "a"]) { id feature(name: "user:test_rate") { value source } } }""");

        Assert.Equal(["b 2 ONLINE", "zz null MISSING", "a 1 ONLINE"], body.GetProperty("data").GetProperty("entities").EnumerateArray()
            .Select(e => $"{e.GetProperty("id").GetString()} {e.GetProperty("feature").GetProperty("value").GetRawText()} {e.GetProperty("feature").GetProperty("source").GetString()}"));
    }
}
