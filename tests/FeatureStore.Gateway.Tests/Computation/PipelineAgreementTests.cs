using FeatureStore.Core.Sources;
using FeatureStore.SyntheticData;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests.Computation;

/// <summary>
/// The same generated TIS TIS traffic, computed three ways on three fresh stacks (a scheduled
/// batch run; on-demand reads of values nothing stored; events through ingestEvents and the
/// stream), gives every one of the 16 catalog features and the classifier's 5 context features the
/// same value from the same instant.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PipelineAgreementTests(InfrastructureFixture infrastructure)
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 10, 8, 0, 30, 0, TimeSpan.Zero); // hourly tick 00:00, daily 10-08, weekly 10-05

    private static readonly TisTisGeneratorOptions Options = new() { Seed = 7, Tenants = 2, UsersPerTenant = 6, Messages = 240, Start = Start, Window = TimeSpan.FromDays(7) };

    private static readonly string[] Features =
    [
        "conv:avg_response_time_ms", "conv:intent_sequence", "conv:message_count", "conv:sentiment_trajectory",
        "msg:contains_question", "msg:embedding", "msg:sentiment", "msg:token_count",
        "msg:hour_of_day", "msg:day_of_week", "msg:in_business_hours", "msg:seconds_since_previous", "msg:previous_intent",
        "tenant:avg_satisfaction_7d", "tenant:embedding_centroid", "tenant:intent_distribution_7d", "tenant:message_volume_24h",
        "user:booking_rate", "user:preferred_intent", "user:satisfaction_history", "user:total_conversations",
    ];

    private static readonly Dictionary<string, string> Prefixes = new() { ["tenant"] = "tenant:", ["user"] = "user:", ["conversation"] = "conv:", ["message"] = "msg:" };

    [Fact]
    public async Task Batch_on_demand_and_streaming_give_every_feature_the_same_value_for_the_same_data()
    {
        var batches = new TisTisGenerator(Options).Batches(100).ToList();
        var all = SourceBatch.Concat(batches);
        Assert.True(all.Messages.Count >= 200 && all.Feedback.Count > 0 && all.Bookings.Count > 0, $"{all.Messages.Count} messages, {all.Feedback.Count} feedback, {all.Bookings.Count} bookings");

        // Batch: rows loaded in bulk, then the scheduled runs (and the real-time catch-up) compute them.
        Dictionary<string, (string Value, string? ValidFrom, string Source)> batch;
        await using (var stack = await ComputationStack.CreateAsync(infrastructure, "agree_batch", Now))
        {
            foreach (var part in batches)
            {
                await stack.Get<ISourceStore>().WriteAsync(part, CancellationToken.None);
            }

            var jobs = await stack.RunBatchAsync();
            Assert.Equal(["daily", "hourly", "real-time"], jobs.Select(j => j.Schedule).Order());
            batch = await ReadAllAsync(stack, all);
            // MISSING only where the entity has no row the feature reads (a user without feedback has no satisfaction history).
            Assert.DoesNotContain(batch, v => v.Value.Source == "ON_DEMAND" || (v.Value.Source == "MISSING" && !v.Key.StartsWith("user:satisfaction_history|", StringComparison.Ordinal)));
            Assert.True(batch.Count(v => v.Value.Source != "MISSING") > 1000, $"{batch.Count(v => v.Value.Source != "MISSING")} values");
        }

        // On demand: the same rows, nothing computed; reading computes and writes back.
        await using (var stack = await ComputationStack.CreateAsync(infrastructure, "agree_demand", Now))
        {
            foreach (var part in batches)
            {
                await stack.Get<ISourceStore>().WriteAsync(part, CancellationToken.None);
            }

            var onDemand = await ReadAllAsync(stack, all);
            Assert.All(onDemand, v => Assert.Equal(batch[v.Key].Source == "MISSING" ? "MISSING" : "ON_DEMAND", v.Value.Source));
            AssertSameValues(batch, onDemand);

            var again = await ReadAllAsync(stack, all);
            Assert.All(again, v => Assert.Equal(batch[v.Key].Source == "MISSING" ? "MISSING" : "ONLINE", v.Value.Source)); // written back
            Assert.True(await stack.ScalarAsync("SELECT count(*) FROM ai_feature_computation_logs WHERE computation_type = 'on-demand'") > 0);
        }

        // Streaming: the rows arrive as events; real-time features are computed by the stream processor.
        await using (var stack = await ComputationStack.CreateAsync(infrastructure, "agree_stream", Now))
        {
            foreach (var part in batches)
            {
                await stack.IngestAsync(part);
            }

            Assert.Equal(batches.Count, await stack.DrainStreamAsync());
            var streamed = await ReadAllAsync(stack, all);
            Assert.All(streamed.Where(v => !IsScheduled(v.Key)), v => Assert.Equal(batch[v.Key].Source == "MISSING" ? "MISSING" : "ONLINE", v.Value.Source));
            AssertSameValues(batch, streamed);
            Assert.Equal(all.Messages.Count, await stack.ScalarAsync("SELECT count(*) FROM src_messages"));
        }
    }

    private static bool IsScheduled(string key) => key.StartsWith("tenant:", StringComparison.Ordinal) || key.Split('|')[0] is "user:booking_rate" or "user:preferred_intent" or "user:total_conversations";

    private static void AssertSameValues(Dictionary<string, (string Value, string? ValidFrom, string Source)> expected, Dictionary<string, (string Value, string? ValidFrom, string Source)> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        var different = expected.Where(e => (e.Value.Value, e.Value.ValidFrom) != (actual[e.Key].Value, actual[e.Key].ValidFrom))
            .Select(e => $"{e.Key}: {e.Value.Value} from {e.Value.ValidFrom} vs {actual[e.Key].Value} from {actual[e.Key].ValidFrom}").Take(5).ToList();
        Assert.True(different.Count == 0, string.Join("\n", different));
    }

    private static async Task<Dictionary<string, (string Value, string? ValidFrom, string Source)>> ReadAllAsync(ComputationStack stack, SourceBatch all)
    {
        var values = new Dictionary<string, (string, string?, string)>();
        foreach (var (type, ids) in new (string, IReadOnlyList<string>)[]
        {
            ("tenant", [.. all.Tenants.Select(t => t.Id)]), ("user", [.. all.Users.Select(u => u.Id).Where(u => all.Conversations.Any(c => c.UserId == u))]),
            ("conversation", [.. all.Conversations.Select(c => c.Id)]), ("message", [.. all.Messages.Select(m => m.Id)]),
        })
        {
            foreach (var chunk in ids.Chunk(200))
            {
                foreach (var (key, value) in await stack.ReadAsync(type, chunk, [.. Features.Where(f => f.StartsWith(Prefixes[type], StringComparison.Ordinal))]))
                {
                    values[key] = value;
                }
            }
        }

        return values;
    }
}
