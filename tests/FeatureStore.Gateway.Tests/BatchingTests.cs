using FeatureStore.Testing;
using Snapshooter.Xunit;

namespace FeatureStore.Gateway.Tests;

/// <summary>
/// Every feature field of a request goes through one batch: one online read for all current
/// values, one offline query for every historical read. The snapshot holds the answer and every store call.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BatchingTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "batching")
{
    [Fact]
    public async Task Twenty_entities_with_current_and_two_historical_reads_cost_one_online_read_and_one_offline_query()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"u{i:00}").ToArray();
        await WriteAsync([.. ids.SelectMany((id, i) => new[]
        {
            Value(Rate, id, i, "2026-01-01T00:00:00Z"),
            Value(Rate, id, i * 10, "2026-02-01T00:00:00Z"),
            Value(Intent, id, i % 2 == 0 ? "booking" : "pricing", "2026-01-01T00:00:00Z"),
        })]);
        Stores.Calls.Clear();

        var body = await Client.QueryAsync("""
            query($ids: [ID!]!) { entities(type: "user", ids: $ids) {
              id
              now: features(names: ["user:test_rate", "user:test_intent"]) { name value source version }
              jan: feature(name: "user:test_rate", asOf: "2026-01-15T00:00:00Z") { value source validFrom validTo }
              feb: feature(name: "user:test_rate", asOf: "2026-02-15T00:00:00Z") { value source }
            } }
            """, new { ids });

        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        Snapshot.Match(new { calls = Stores.Calls.ToArray(), data = Newtonsoft.Json.Linq.JToken.Parse(body.GetProperty("data").GetRawText()) });
    }
}
