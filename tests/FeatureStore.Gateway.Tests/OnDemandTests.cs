using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>Request-time features are computed on request by Core's transform, now and as of any instant.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OnDemandTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "ondemand")
{
    [Fact]
    public async Task An_hour_of_day_feature_is_computed_on_demand_for_the_instant_read()
    {
        await Client.QueryAsync("mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied } }", new
        {
            d = new[]
            {
                new
                {
                    name = "msg:test_hour", entityType = "message", valueType = "numeric", refresh = "real-time",
                    computation = new { source = "messages", aggregation = "hour_of_day", parameters = new { timezone = "America/Mexico_City" } },
                },
            },
        });

        var then = (await FeaturesAsync("message", "m1", ["msg:test_hour", Embedding], "2026-11-24T23:30:00Z"));
        var now = (await FeaturesAsync("message", "m1", ["msg:test_hour"]))[0];

        Assert.Equal("17 ON_DEMAND", $"{then[0].GetProperty("value").GetRawText()} {then[0].GetProperty("source").GetString()}");
        Assert.Equal("MISSING", then[1].GetProperty("source").GetString());
        Assert.Equal("ON_DEMAND", now.GetProperty("source").GetString());
        Assert.InRange(now.GetProperty("value").GetInt32(), 0, 23);
    }
}
