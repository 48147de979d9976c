using System.Diagnostics;
using FeatureStore.Core.Computation.Streaming;
using FeatureStore.Core.Sources;
using FeatureStore.SyntheticData;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests.Computation;

/// <summary>
/// The streaming path on the real stores: events from ingestEvents update real-time features
/// online; a consumer killed mid-batch and redelivered entries lose and double-count nothing; bad
/// events are refused with a code, or dead-lettered and logged when they reach the stream directly.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class StreamingTests(InfrastructureFixture infrastructure)
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 10, 8, 0, 30, 0, TimeSpan.Zero);
    private static readonly TisTisGeneratorOptions Options = new() { Seed = 5, Tenants = 1, UsersPerTenant = 5, Messages = 120, Start = Start, Window = TimeSpan.FromDays(7) };

    private static readonly Dictionary<string, string> QuickTakeOver = new() { ["FeatureStore:Compute:Streaming:ClaimAfter"] = "00:00:00.300" };

    [Fact]
    public async Task An_ingested_event_is_visible_online_once_the_stream_processor_has_applied_it()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "stream_visible", Now);
        var data = SourceBatch.Concat(new TisTisGenerator(Options).Batches(1000).ToList());
        await stack.IngestAsync(data);
        await stack.DrainStreamAsync();
        var conversation = data.Conversations[0];
        var message = new Message("m_live", conversation.Id, conversation.TenantId, conversation.UserId, MessageRole.User, "What time do you open tomorrow?",
            Now.AddMinutes(-1), null, Intents.Information, "en");

        var watch = Stopwatch.StartNew();
        await stack.IngestAsync(SourceBatch.Empty with { Messages = [message] });
        await stack.DrainStreamAsync();
        var read = await stack.ReadAsync("message", [message.Id], ["msg:contains_question", "msg:token_count"]);
        watch.Stop();

        Assert.Equal(("true", "ONLINE"), (read[$"msg:contains_question|{message.Id}"].Value, read[$"msg:contains_question|{message.Id}"].Source));
        Assert.Equal(message.SentAt, DateTimeOffset.Parse(read[$"msg:token_count|{message.Id}"].ValidFrom!, System.Globalization.CultureInfo.InvariantCulture));
        var count = (await stack.ReadAsync("conversation", [conversation.Id], ["conv:message_count"]))[$"conv:message_count|{conversation.Id}"];
        Assert.Equal(data.Messages.Count(m => m.ConversationId == conversation.Id) + 1, int.Parse(count.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await stack.ScalarAsync("SELECT count(*) FROM ai_feature_computation_logs WHERE computation_type = 'streaming'") > 0);
        Console.WriteLine($"ingest -> applied -> read: {watch.Elapsed.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task A_message_arriving_after_a_later_one_of_its_conversation_updates_the_later_ones_context_features()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "stream_late", Now);
        var data = SourceBatch.Concat(new TisTisGenerator(Options).Batches(1000).ToList());
        await stack.IngestAsync(data);
        await stack.DrainStreamAsync();
        var conversation = data.Conversations[0];
        Message At(string id, int minutesBeforeNow, string intent) => new(id, conversation.Id, conversation.TenantId, conversation.UserId, MessageRole.User,
            "Una pregunta más", Now.AddMinutes(-minutesBeforeNow), null, intent, "es");
        string[] context = ["msg:previous_intent", "msg:seconds_since_previous"];

        await stack.IngestAsync(SourceBatch.Empty with { Messages = [At("m_first", 20, Intents.Pricing), At("m_last", 10, Intents.Booking)] });
        await stack.DrainStreamAsync();
        var before = await stack.ReadAsync("message", ["m_last"], context);
        await stack.IngestAsync(SourceBatch.Empty with { Messages = [At("m_late", 15, Intents.Support)] });
        await stack.DrainStreamAsync();
        var after = await stack.ReadAsync("message", ["m_last", "m_late"], context);

        Assert.Equal(("\"pricing\"", "600"), (before["msg:previous_intent|m_last"].Value, before["msg:seconds_since_previous|m_last"].Value));
        Assert.Equal(("\"support\"", "300"), (after["msg:previous_intent|m_last"].Value, after["msg:seconds_since_previous|m_last"].Value));
        Assert.Equal(("\"pricing\"", "300"), (after["msg:previous_intent|m_late"].Value, after["msg:seconds_since_previous|m_late"].Value));
    }

    [Fact]
    public async Task A_consumer_killed_mid_batch_loses_and_double_counts_nothing_when_its_entries_are_taken_over()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "stream_kill", Now, QuickTakeOver);
        var batches = new TisTisGenerator(Options).Batches(40).ToList();
        var data = SourceBatch.Concat(batches);
        foreach (var batch in batches)
        {
            await stack.IngestAsync(batch);
        }

        // The "dead" consumer reads every entry, applies the first one's rows halfway (stored, not
        // computed), and dies without acknowledging anything.
        var stream = stack.Get<IEventStream>();
        var taken = await stream.ReadAsync("dead", 1000, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(batches.Count, taken.Count);
        await stack.Get<ISourceStore>().WriteNewAsync(SourceBatchJson.Deserialize(taken[0].Json), CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        Assert.Equal(batches.Count, await stack.DrainStreamAsync("restarted"));
        // At-least-once: the same events delivered again change nothing.
        await stack.IngestAsync(batches[^1]);
        Assert.Equal(1, await stack.DrainStreamAsync("restarted"));

        Assert.Equal(data.Messages.Count, await stack.ScalarAsync("SELECT count(*) FROM src_messages"));
        Assert.Equal(data.Feedback.Count, await stack.ScalarAsync("SELECT count(*) FROM src_feedback"));
        var ids = data.Conversations.Select(c => c.Id).ToList();
        var counts = await stack.ReadAsync("conversation", ids, ["conv:message_count"]);
        Assert.All(data.Conversations, c => Assert.Equal(data.Messages.Count(m => m.ConversationId == c.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            counts[$"conv:message_count|{c.Id}"].Value));
        var users = data.Feedback.Select(f => f.UserId).Distinct().ToList();
        var histories = await stack.ReadAsync("user", users, ["user:satisfaction_history"]);
        Assert.All(users, u => Assert.Equal(Math.Min(10, data.Feedback.Count(f => f.UserId == u)),
            System.Text.Json.JsonDocument.Parse(histories[$"user:satisfaction_history|{u}"].Value).RootElement.GetArrayLength()));
        Assert.Equal(0, await stack.ScalarAsync("""
            SELECT count(*) FROM (SELECT feature_id, entity_id, valid_from FROM ai_feature_values_offline GROUP BY 1, 2, 3 HAVING count(*) > 1) d
            """));
    }

    [Fact]
    public async Task Bad_events_are_refused_by_ingestEvents_with_every_bad_row_named_and_nothing_appended()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "stream_refuse", Now);
        var body = await stack.Client.QueryAsync("""
            mutation { ingestEvents(batch: {messages: [
              {id: "m1", conversationId: "c1", tenantId: "t1", userId: "u1", role: "user", text: "", sentAt: "2026-10-07T10:00:00Z", responseTimeMs: null, intent: null, language: "es"},
              {id: "m2", conversationId: "c1", tenantId: "t1", userId: "u1", role: "user", text: "Hola", sentAt: "2026-10-07T10:00:00Z", responseTimeMs: null, intent: "teleport", language: "es"}]}) { accepted } }
            """);
        var shape = await stack.Client.QueryAsync("""mutation { ingestEvents(batch: {messages: [{id: "m1"}]}) { accepted } }""");

        Assert.Equal("INVALID_VALUE", GraphQLTestClient.ErrorCode(body));
        Assert.Contains("empty text", body.ToString(), StringComparison.Ordinal);
        Assert.Contains("teleport", body.ToString(), StringComparison.Ordinal);
        Assert.Equal("INVALID_ARGUMENT", GraphQLTestClient.ErrorCode(shape));
        Assert.Equal(0, await stack.DrainStreamAsync());
    }

    [Fact]
    public async Task A_bad_entry_written_straight_to_the_stream_is_dead_lettered_and_logged_and_the_rest_applied()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "stream_dead", Now);
        var data = SourceBatch.Concat(new TisTisGenerator(Options).Batches(1000).ToList());
        var stream = stack.Get<IEventStream>();
        var bad = await stream.PublishAsync("""{"messages":[{"id":"m_x"}]}""", CancellationToken.None);
        await stream.PublishAsync(SourceBatchJson.Serialize(data), CancellationToken.None);

        Assert.Equal(2, await stack.DrainStreamAsync());

        Assert.Equal(data.Messages.Count, await stack.ScalarAsync("SELECT count(*) FROM src_messages"));
        var logs = await stack.Client.QueryAsync("""{ computationLogs(type: "streaming") { feature errorsCount errors { rowId message } } }""");
        Assert.Contains(logs.GetProperty("data").GetProperty("computationLogs").EnumerateArray().SelectMany(e => e.GetProperty("errors").EnumerateArray()),
            e => e.GetProperty("rowId").GetString() == bad && e.GetProperty("message").GetString()!.Contains("not a source batch", StringComparison.Ordinal));
        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(infrastructure.Redis.ConnectionString);
        await using (redis)
        {
            var prefix = stack.Get<Microsoft.Extensions.Options.IOptions<FeatureStore.Redis.RedisOnlineStoreOptions>>().Value.KeyPrefix;
            Assert.Equal(1, await redis.GetDatabase().StreamLengthAsync($"{prefix}:events:dead"));
        }
    }
}
