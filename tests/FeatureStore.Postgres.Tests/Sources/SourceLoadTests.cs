using FeatureStore.Core.Computation;
using FeatureStore.Core.Sources;
using FeatureStore.Testing;
using static FeatureStore.Postgres.Tests.Sources.HandMadeSources;

namespace FeatureStore.Postgres.Tests.Sources;

/// <summary>ISourceReader.LoadAsync on the real Postgres: exactly an entity's rows, of the named sources only, in order.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SourceLoadTests(InfrastructureFixture infrastructure) : SourceTestBase(infrastructure, "srcload")
{
    private static readonly string[] AllSources = ["messages", "conversations", "feedback", "bookings"];

    [Fact]
    public async Task A_user_gets_the_rows_of_every_named_source_by_event_time_then_id()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);

        var loaded = await Reader.LoadAsync(ComputedEntityTypes.User, AllSources, ["u1", "u2"], CancellationToken.None);

        Assert.Equal(["u1", "u2"], loaded.Keys.Order(StringComparer.Ordinal));
        AssertRows(loaded["u1"], [M1, M5, M2], [C1, C4], [F1], [B1]);
        AssertRows(loaded["u2"], [M3, M4], [C2], [], [B2]);
    }

    [Fact]
    public async Task A_tenant_loaded_for_messages_alone_gets_empty_lists_for_the_other_sources()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);

        var loaded = await Reader.LoadAsync(ComputedEntityTypes.Tenant, ["messages"], ["t1", "t2"], CancellationToken.None);

        Assert.Equal(["t1", "t2"], loaded.Keys.Order(StringComparer.Ordinal));
        AssertRows(loaded["t1"], [M3, M4, M1, M5, M2], [], [], []);
        AssertRows(loaded["t2"], [M6], [], [], []);
    }

    [Fact]
    public async Task A_conversation_gets_its_messages_itself_its_feedback_and_the_bookings_made_in_it()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);

        var loaded = await Reader.LoadAsync(ComputedEntityTypes.Conversation, AllSources, ["c1", "c2", "c3"], CancellationToken.None);

        AssertRows(loaded["c1"], [M1, M2], [C1], [F1], [B1]);
        // b2 of u2 was made by phone: it names no conversation.
        AssertRows(loaded["c2"], [M3, M4], [C2], [], []);
        AssertRows(loaded["c3"], [M6], [C3], [F2], [B3]);
    }

    [Fact]
    public async Task A_message_gets_itself_in_its_conversations_context_and_its_tenant_when_asked()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);

        var loaded = await Reader.LoadAsync(ComputedEntityTypes.Message, AllSources, ["m1", "m2", "m6"], CancellationToken.None);
        var withTenant = await Reader.LoadAsync(ComputedEntityTypes.Message, ["messages", ValueInstants.TenantsSource], ["m2"], CancellationToken.None);

        AssertRows(loaded["m1"], [M1], [], [], []);        // the first of c1: nothing before it
        AssertRows(loaded["m2"], [M1, M2], [], [], []);    // m1 came before it in c1
        AssertRows(loaded["m6"], [M6], [], [], []);
        Assert.Null(loaded["m2"].Tenant);
        Assert.Equal(Batch.Tenants.Single(t => t.Id == "t1"), withTenant["m2"].Tenant);
        AssertRows(withTenant["m2"], [M1, M2], [], [], []);
        Assert.Empty(await Reader.LoadAsync(ComputedEntityTypes.Message, ["feedback", "bookings"], ["m2"], CancellationToken.None));
    }

    [Fact]
    public async Task Entities_without_a_row_in_the_named_sources_are_absent()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);

        // u2 has messages but no feedback; u9 has nothing at all.
        var loaded = await Reader.LoadAsync(ComputedEntityTypes.User, ["feedback"], ["u1", "u2", "u9"], CancellationToken.None);

        Assert.Equal(["u1"], loaded.Keys);
        Assert.Empty(await Reader.LoadAsync(ComputedEntityTypes.User, AllSources, [], CancellationToken.None));
    }

    [Fact]
    public async Task A_thousand_users_load_in_one_call_with_each_users_rows()
    {
        var users = Enumerable.Range(0, 1000).Select(i => $"u{i:D4}").ToList();
        var messages = users.SelectMany(user => Enumerable.Range(0, 5).Select(i =>
            new Message($"{user}-m{i}", $"{user}-c", "t1", user, MessageRole.User, "Hola", Ten.AddMinutes(-i), null, null, "es"))).ToList();
        await Store.WriteAsync(SourceBatch.Empty with { Messages = messages }, CancellationToken.None);

        var loaded = await Reader.LoadAsync(ComputedEntityTypes.User, AllSources, users, CancellationToken.None);

        Assert.Equal(1000, loaded.Count);
        Assert.All(loaded, entity => Assert.Equal(
            Enumerable.Range(0, 5).Reverse().Select(i => $"{entity.Key}-m{i}"),
            entity.Value.Messages.Select(m => m.Id)));
    }

    [Fact]
    public async Task Unknown_entity_types_and_sources_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Reader.LoadAsync("booking", ["messages"], ["b1"], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Reader.LoadAsync(ComputedEntityTypes.User, ["messages", "analytics_events"], ["u1"], CancellationToken.None));
    }

    private static void AssertRows(EntitySources actual, Message[] messages, Conversation[] conversations, Feedback[] feedback, Booking[] bookings)
    {
        Assert.Equal(messages, actual.Messages);
        Assert.Equal(conversations, actual.Conversations);
        Assert.Equal(feedback, actual.Feedback);
        Assert.Equal(bookings, actual.Bookings);
    }
}
