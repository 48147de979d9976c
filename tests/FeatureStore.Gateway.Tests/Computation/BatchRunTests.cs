using FeatureStore.Core.Computation;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Sources;
using FeatureStore.SyntheticData;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests.Computation;

/// <summary>
/// Batch runs on the real stores: incremental planning, idempotent re-runs and backfills, a replica
/// killed mid-item (its lease runs out and another finishes the item), and two replicas sharing a queue.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BatchRunTests(InfrastructureFixture infrastructure)
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 10, 8, 0, 30, 0, TimeSpan.Zero);
    private static readonly TisTisGeneratorOptions Options = new() { Seed = 11, Tenants = 2, UsersPerTenant = 5, Messages = 160, Start = Start, Window = TimeSpan.FromDays(7) };

    private static readonly Dictionary<string, string> SmallItems = new()
    {
        ["FeatureStore:Compute:Batch:EntitiesPerItem"] = "4",
        ["FeatureStore:Compute:Batch:Lease"] = "00:00:01",
    };

    private const string DuplicateHistoryRows = """
        SELECT count(*) FROM (SELECT feature_id, entity_id, valid_from FROM ai_feature_values_offline GROUP BY 1, 2, 3 HAVING count(*) > 1) d
        """;

    [Fact]
    public async Task A_second_run_covers_only_the_entities_with_new_rows_and_a_tick_is_planned_once()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "batch_incr", Now);
        var data = await LoadAsync(stack);
        await stack.RunBatchAsync();
        Assert.Empty(await stack.RunBatchAsync()); // same ticks: nothing new is planned

        var conversation = data.Conversations[0];
        var before = (await stack.ReadAsync("conversation", [conversation.Id], ["conv:message_count"]))[$"conv:message_count|{conversation.Id}"];
        var added = new Message("m_new", conversation.Id, conversation.TenantId, conversation.UserId, MessageRole.User, "¿Tienen horario el domingo?",
            Now.AddMinutes(10), null, Intents.Information, "es");
        await stack.Get<ISourceStore>().WriteAsync(SourceBatch.Empty with { Messages = [added] }, CancellationToken.None);
        stack.Clock.Now = Now.AddHours(1);

        var jobs = await stack.RunBatchAsync();

        Assert.Equal(["hourly", "real-time"], jobs.Select(j => j.Schedule).Order()); // daily's tick has not come
        var realTime = jobs.Single(j => j.Schedule == "real-time");
        // Real-time features of messages and conversations read messages (the user's real-time one reads feedback, the tenant has none):
        // one item each, holding the one entity the new row changes.
        Assert.Equal(2, realTime.ItemsTotal);
        Assert.Equal(2, await stack.ScalarAsync(
            $"SELECT count(*) FROM ai_computation_work_items w, unnest(w.entity_ids) e WHERE w.job_id = '{realTime.Id}' AND e IN ('{added.Id}', '{conversation.Id}')"));
        var after = (await stack.ReadAsync("conversation", [conversation.Id], ["conv:message_count"]))[$"conv:message_count|{conversation.Id}"];
        Assert.Equal((int.Parse(before.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), after.Value);
        Assert.Equal(added.SentAt, DateTimeOffset.Parse(after.ValidFrom!, System.Globalization.CultureInfo.InvariantCulture));
        var contains = (await stack.ReadAsync("message", [added.Id], ["msg:contains_question"]))[$"msg:contains_question|{added.Id}"];
        Assert.Equal(("true", "ONLINE"), (contains.Value, contains.Source));
    }

    [Fact]
    public async Task A_run_after_a_late_message_recomputes_the_context_features_of_the_later_messages_of_its_conversation()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "batch_late", Now);
        var data = await LoadAsync(stack);
        var conversation = data.Conversations[0];
        Message At(string id, int minutesAfterNow, string intent) => new(id, conversation.Id, conversation.TenantId, conversation.UserId, MessageRole.User,
            "One more question", Now.AddMinutes(minutesAfterNow), null, intent, "en");
        await stack.Get<ISourceStore>().WriteAsync(SourceBatch.Empty with { Messages = [At("m_first", 5, Intents.Pricing), At("m_last", 15, Intents.Booking)] }, CancellationToken.None);
        stack.Clock.Now = Now.AddHours(1);
        await stack.RunBatchAsync();
        var before = (await stack.ReadAsync("message", ["m_last"], ["msg:seconds_since_previous"]))["msg:seconds_since_previous|m_last"];

        await stack.Get<ISourceStore>().WriteAsync(SourceBatch.Empty with { Messages = [At("m_late", 10, Intents.Support)] }, CancellationToken.None);
        // Two hours on, no window reaches back to the three messages: only the late row's ingestion names m_last.
        stack.Clock.Now = Now.AddHours(3);
        await stack.RunBatchAsync();
        var after = await stack.ReadAsync("message", ["m_last"], ["msg:seconds_since_previous", "msg:previous_intent"]);

        Assert.Equal("600", before.Value);
        Assert.Equal(("300", "\"support\""), (after["msg:seconds_since_previous|m_last"].Value, after["msg:previous_intent|m_last"].Value));
    }

    [Fact]
    public async Task Running_a_backfill_twice_writes_the_same_history_and_reports_its_progress()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "batch_backfill", Now);
        await LoadAsync(stack);
        var body = await stack.Client.QueryAsync(
            """mutation { backfill(features: ["user:total_conversations", "conv:message_count"], from: "2026-10-01T00:00:00Z", to: "2026-10-08T00:00:00Z") { id status itemsTotal progress } }""");
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var id = body.GetProperty("data").GetProperty("backfill").GetProperty("id").GetString();

        await stack.DrainAsync();
        var rows = await stack.ScalarAsync("SELECT count(*) FROM ai_feature_values_offline");
        var daily = await stack.ScalarAsync("SELECT count(*) FROM ai_feature_values_offline o JOIN ai_feature_registry r ON r.id = o.feature_id WHERE r.name = 'user:total_conversations'");
        await stack.Get<BatchPlanner>().PlanBackfillAsync(["user:total_conversations", "conv:message_count"], Start, Now.AddMinutes(-30), "test", CancellationToken.None);
        await stack.DrainAsync();

        Assert.Equal(rows, await stack.ScalarAsync("SELECT count(*) FROM ai_feature_values_offline"));
        Assert.Equal(0, await stack.ScalarAsync(DuplicateHistoryRows));
        Assert.True(daily >= 7, $"{daily} daily rows"); // one per day per user from its first conversation on
        var job = await stack.Client.QueryAsync($$"""{ computationJob(id: "{{id}}") { status progress itemsDone itemsTotal errors } computationLogs(runId: "{{id}}", first: 5) { feature type entitiesProcessed } }""");
        Assert.Equal("done 1", $"{job.GetProperty("data").GetProperty("computationJob").GetProperty("status").GetString()} {job.GetProperty("data").GetProperty("computationJob").GetProperty("progress").GetDouble()}");
        Assert.All(job.GetProperty("data").GetProperty("computationLogs").EnumerateArray(), e => Assert.Equal("batch", e.GetProperty("type").GetString()));
        Assert.NotEmpty(job.GetProperty("data").GetProperty("computationLogs").EnumerateArray());
    }

    [Fact]
    public async Task Bad_backfill_requests_are_refused_with_a_code()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "batch_badfill", Now);

        var unknown = await stack.Client.QueryAsync("""mutation { backfill(features: ["user:nope"], from: "2026-10-01T00:00:00Z", to: "2026-10-02T00:00:00Z") { id } }""");
        var empty = await stack.Client.QueryAsync("""mutation { backfill(from: "2026-10-02T00:00:00Z", to: "2026-10-01T00:00:00Z") { id } }""");
        var future = await stack.Client.QueryAsync("""mutation { backfill(from: "2026-10-01T00:00:00Z", to: "2027-10-01T00:00:00Z") { id } }""");

        Assert.Equal(["FEATURE_NOT_FOUND", "INVALID_ARGUMENT", "INVALID_ARGUMENT"], new[] { unknown, empty, future }.Select(GraphQLTestClient.ErrorCode));
        Assert.Equal(0, await stack.ScalarAsync("SELECT count(*) FROM ai_computation_jobs"));
    }

    [Fact]
    public async Task A_replica_killed_mid_item_loses_and_doubles_nothing_once_another_takes_the_item_over()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "batch_kill", Now, SmallItems);
        await LoadAsync(stack);
        var jobs = await stack.Get<BatchPlanner>().PlanDueAsync(CancellationToken.None);

        // The "dead" replica claims an item, writes part of it, and never finishes (as if killed).
        var item = (await stack.Get<IComputationQueue>().ClaimAsync("dead", TimeSpan.FromSeconds(1), CancellationToken.None))!;
        var registry = await stack.Get<RegistryCache>().GetAsync(CancellationToken.None);
        var targets = ComputationTargets.Select(registry.Values, Now, v => v.Spec.Refresh == item.Job.Schedule);
        await stack.Get<EntityRecomputer>().RecomputeAsync(item.EntityType, [.. item.EntityIds.Take(2)], targets, item.Job.At, null, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // its lease runs out

        await stack.DrainAsync("restarted");

        Assert.Equal(0, await stack.ScalarAsync("SELECT count(*) FROM ai_computation_jobs WHERE status <> 'done' OR items_done <> items_total"));
        Assert.Equal(await stack.ScalarAsync("SELECT count(*) FROM ai_computation_work_items w, unnest(w.entity_ids) e"),
            await stack.ScalarAsync("SELECT sum(entities_done) FROM ai_computation_jobs"));
        Assert.Equal(2, await stack.ScalarAsync($"SELECT attempts FROM ai_computation_work_items WHERE id = {item.Id} AND claimed_by = 'restarted'"));
        Assert.Equal(0, await stack.ScalarAsync(DuplicateHistoryRows));
        // One history row per computed key: nothing doubled, nothing lost.
        Assert.Equal(await stack.ScalarAsync("SELECT count(*) FROM ai_feature_values_online"), await stack.ScalarAsync("SELECT count(*) FROM ai_feature_values_offline"));
        Assert.Equal(jobs.Sum(j => j.ItemsTotal), await stack.ScalarAsync("SELECT count(*) FROM ai_computation_work_items WHERE status = 'done'"));
    }

    [Fact]
    public async Task Two_replicas_share_the_queue_without_computing_any_item_twice()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "batch_scale", Now, SmallItems);
        await LoadAsync(stack);
        var planners = await Task.WhenAll(stack.Get<BatchPlanner>().PlanDueAsync(CancellationToken.None), stack.Get<BatchPlanner>().PlanDueAsync(CancellationToken.None));

        await Task.WhenAll(stack.DrainAsync("replica-a"), stack.DrainAsync("replica-b"));

        Assert.Equal(3, planners.Sum(p => p.Count)); // each (schedule, tick) planned once between them
        Assert.Equal(0, await stack.ScalarAsync("SELECT count(*) FROM ai_computation_work_items WHERE attempts <> 1 OR status <> 'done'"));
        Assert.Equal(await stack.ScalarAsync("SELECT count(*) FROM ai_computation_work_items w, unnest(w.entity_ids) e"),
            await stack.ScalarAsync("SELECT sum(entities_done) FROM ai_computation_jobs"));
        Assert.Equal(0, await stack.ScalarAsync(DuplicateHistoryRows));
    }

    [Fact]
    public async Task Bad_source_rows_are_counted_logged_with_their_id_and_left_out()
    {
        await using var stack = await ComputationStack.CreateAsync(infrastructure, "batch_bad", Now);
        var data = await LoadAsync(stack);
        var conversation = data.Conversations[0];
        var good = data.Messages.Count(m => m.ConversationId == conversation.Id);
        var bad = new Message("m_bad", conversation.Id, conversation.TenantId, conversation.UserId, MessageRole.User, "Hola", Now.AddMinutes(-5), null, "teleport", "es");
        await stack.Get<ISourceStore>().WriteAsync(SourceBatch.Empty with { Messages = [bad] }, CancellationToken.None);

        var jobs = await stack.RunBatchAsync();

        Assert.True(jobs.Count == 3 && (await stack.Get<IComputationQueue>().ListAsync(10, CancellationToken.None)).Sum(j => j.Errors) > 0);
        var count = (await stack.ReadAsync("conversation", [conversation.Id], ["conv:message_count"]))[$"conv:message_count|{conversation.Id}"];
        Assert.Equal(good.ToString(System.Globalization.CultureInfo.InvariantCulture), count.Value);
        var logs = await stack.Client.QueryAsync("""{ computationLogs(feature: "conv:message_count", type: "batch") { errorsCount errors { rowId message } } }""");
        Assert.Contains(logs.GetProperty("data").GetProperty("computationLogs").EnumerateArray().SelectMany(e => e.GetProperty("errors").EnumerateArray()),
            e => e.GetProperty("rowId").GetString() == "m_bad" && e.GetProperty("message").GetString()!.Contains("teleport", StringComparison.Ordinal));
    }

    private static async Task<SourceBatch> LoadAsync(ComputationStack stack)
    {
        var batches = new TisTisGenerator(Options).Batches(1000).ToList();
        foreach (var batch in batches)
        {
            await stack.Get<ISourceStore>().WriteAsync(batch, CancellationToken.None);
        }

        return SourceBatch.Concat(batches);
    }
}
