using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Drift.Statistics;
using FeatureStore.Testing;
using static FeatureStore.Drift.Tests.Worker.DriftStack;

namespace FeatureStore.Drift.Tests.Worker;

/// <summary>Training–serving skew from the gateway's serving samples, compared with the offline history as of each read.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SkewTests(InfrastructureFixture infrastructure)
{
    private const int Entities = 50;
    private const int Rewritten = 10;

    [Fact]
    public async Task Served_values_that_the_offline_history_contradicts_are_reported_with_their_mismatch_rate()
    {
        // Every read sampled, written at once, so the test need not wait long for them.
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_skew", gatewaySettings: new Dictionary<string, string>
        {
            ["FeatureStore:ServingSamples:Fraction"] = "1",
            ["FeatureStore:ServingSamples:FlushInterval"] = "00:00:00.050",
        });
        var written = stack.Now.AddHours(-2);
        await stack.WriteItemsAsync("s", Entities, new TimeWindow(written, written.AddMinutes(1)), seed: 9);
        var ids = Enumerable.Range(0, Entities).Select(i => $"s-{i:D4}").ToArray();

        var read = await stack.QueryAsync("query($ids: [ID!]!) { entities(type: \"item\", ids: $ids) { features(names: [\"item:price\"]) { value source } } }", new { ids });
        Assert.False(read.TryGetProperty("errors", out var errors), errors.ToString());
        await WaitForSamplesAsync(stack, Entities);

        // The offline history now says something else for some of the values that were served.
        await Sql.ExecuteAsync(stack.Database.ConnectionString, $"""
            UPDATE ai_feature_values_offline o SET value = to_jsonb(o.value::text::float8 + 1)
            FROM ai_feature_registry r
            WHERE r.id = o.feature_id AND r.name = '{Price}' AND o.entity_id IN ({string.Join(", ", ids.Take(Rewritten).Select(i => $"'{i}'"))})
            """);

        var run = await stack.RunAsync(new TimeWindow(stack.Now.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(1)));

        var skew = Assert.Single(run.Reports, r => r.Check == DriftChecks.Skew);
        Assert.Equal((Price, DriftStatuses.Drift), (skew.Feature, skew.Status));
        Assert.Equal((double)Rewritten / Entities, skew.Tests[0].Score, 9);
        Assert.Equal(Entities, skew.Details!.Value.GetProperty("compared").GetInt32());
        Assert.All(skew.Details.Value.GetProperty("exampleEntities").EnumerateArray(), e => Assert.Contains(e.GetString(), ids.Take(Rewritten)));
    }

    [Fact]
    public async Task Served_values_that_agree_with_the_offline_history_are_no_skew()
    {
        await using var stack = await DriftStack.CreateAsync(infrastructure, "drift_noskew", gatewaySettings: new Dictionary<string, string>
        {
            ["FeatureStore:ServingSamples:Fraction"] = "1",
            ["FeatureStore:ServingSamples:FlushInterval"] = "00:00:00.050",
        });
        var written = stack.Now.AddHours(-2);
        await stack.WriteItemsAsync("s", Entities, new TimeWindow(written, written.AddMinutes(1)), seed: 10);
        var ids = Enumerable.Range(0, Entities).Select(i => $"s-{i:D4}").ToArray();
        await stack.QueryAsync("query($ids: [ID!]!) { entities(type: \"item\", ids: $ids) { features(names: [\"item:price\", \"item:embedding\", \"item:color\"]) { value } } }", new { ids });
        await WaitForSamplesAsync(stack, 3 * Entities);

        var run = await stack.RunAsync(new TimeWindow(stack.Now.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(1)));

        var skew = run.Reports.Where(r => r.Check == DriftChecks.Skew).ToList();
        Assert.Equal([Color, Embedding, Price], skew.Select(r => r.Feature).Order(StringComparer.Ordinal));
        Assert.All(skew, r => Assert.True(r.Status == DriftStatuses.Ok && r.Tests[0].Score == 0, JsonSerializer.Serialize(r)));
    }

    // The gateway writes samples in the background; wait (bounded) until they are all there.
    private static async Task WaitForSamplesAsync(DriftStack stack, int expected)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await Sql.ScalarAsync<int>(stack.Database.ConnectionString, "SELECT count(*) FROM ai_serving_samples") >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"fewer than {expected} serving samples were stored");
    }
}
