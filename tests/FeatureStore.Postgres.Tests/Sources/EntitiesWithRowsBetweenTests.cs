using FeatureStore.Core.Computation;
using FeatureStore.Testing;
using static FeatureStore.Postgres.Tests.Sources.HandMadeSources;

namespace FeatureStore.Postgres.Tests.Sources;

/// <summary>
/// ISourceReader.EntitiesWithRowsBetweenAsync on the hand-made dataset: rows whose event time is in
/// (after, upTo]. Messages of u2 at 09:00 and 09:02, of u1 at 10:00 (two) and 10:01, of u3 at 11:00.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EntitiesWithRowsBetweenTests(InfrastructureFixture infrastructure) : SourceTestBase(infrastructure, "srcbetween")
{
    [Fact]
    public async Task A_row_at_the_lower_bound_is_outside_and_a_row_at_the_upper_bound_inside()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);

        Assert.Equal(["u1"], await BetweenAsync(ComputedEntityTypes.User, "messages", Ten.AddMinutes(-58), Ten));
        Assert.Equal(["u1", "u2"], await BetweenAsync(ComputedEntityTypes.User, "messages", Ten.AddMinutes(-58).AddTicks(-10), Ten));
        Assert.Equal(["u2"], await BetweenAsync(ComputedEntityTypes.User, "messages", Ten.AddHours(-2), Ten.AddTicks(-10)));
        Assert.Equal(["m2"], await BetweenAsync(ComputedEntityTypes.Message, "messages", Ten, Ten.AddMinutes(1)));
    }

    [Fact]
    public async Task Each_source_is_timed_by_its_own_event_time()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);

        // Conversations started at 09:00 (t1), 10:00 (t1, twice) and 11:00 (t2).
        Assert.Equal(["t1", "t2"], await BetweenAsync(ComputedEntityTypes.Tenant, "conversations", Ten.AddHours(-1), Ten.AddHours(1)));
        Assert.Equal(["c1", "c4"], await BetweenAsync(ComputedEntityTypes.Conversation, "conversations", Ten.AddHours(-1), Ten));
        // Feedback given at 10:05 (u1) and 11:10 (u3).
        Assert.Equal(["u3"], await BetweenAsync(ComputedEntityTypes.User, "feedback", Ten.AddMinutes(5), Ten.AddHours(2)));
        // Bookings at 08:00 (phone, no conversation), 10:06 (c1) and 11:15 (c3).
        Assert.Equal(["c1", "c3"], await BetweenAsync(ComputedEntityTypes.Conversation, "bookings", Ten.AddHours(-3), Ten.AddHours(2)));
        // Only message rows name messages.
        Assert.Empty(await BetweenAsync(ComputedEntityTypes.Message, "feedback", Ten.AddHours(-3), Ten.AddHours(2)));
    }

    [Fact]
    public async Task Unknown_entity_types_and_sources_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => BetweenAsync("booking", "bookings", Ten, Ten.AddHours(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => BetweenAsync(ComputedEntityTypes.User, "analytics_events", Ten, Ten.AddHours(1)));
    }

    private Task<IReadOnlyList<string>> BetweenAsync(string entityType, string source, DateTimeOffset after, DateTimeOffset upTo) =>
        Reader.EntitiesWithRowsBetweenAsync(entityType, source, after, upTo, CancellationToken.None);
}
