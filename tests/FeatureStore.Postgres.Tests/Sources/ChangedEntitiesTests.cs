using FeatureStore.Core.Computation;
using FeatureStore.Core.Sources;
using FeatureStore.Testing;
using static FeatureStore.Postgres.Tests.Sources.HandMadeSources;

namespace FeatureStore.Postgres.Tests.Sources;

/// <summary>
/// ISourceReader.ChangedEntitiesAsync between two high-water positions: the hand-made dataset,
/// then a second batch touching u2 (a message in c2), u3 (feedback on c3), u1 (a phone booking,
/// no conversation) and a new user U4 (conversation c5 with a message, tenant t2).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ChangedEntitiesTests(InfrastructureFixture infrastructure) : SourceTestBase(infrastructure, "srcchanged")
{
    private static readonly string[] AllSources = ["messages", "conversations", "feedback", "bookings"];

    private static readonly SourceBatch Later = SourceBatch.Empty with
    {
        Conversations = [new Conversation("c5", "t2", "U4", Ten.AddHours(2), "web")],
        Messages =
        [
            new Message("m7", "c2", "t1", "u2", MessageRole.User, "¿Y el tinte?", Ten.AddHours(2), null, Intents.Pricing, "es"),
            new Message("m8", "c5", "t2", "U4", MessageRole.User, "Hello", Ten.AddHours(2), null, Intents.Greeting, "en"),
        ],
        Feedback = [new Feedback("f3", "t2", "u3", "c3", null, 4, Ten.AddHours(2))],
        Bookings = [new Booking("b4", "t1", "u1", null, Ten.AddHours(2), Ten.AddDays(4), "corte")],
    };

    [Theory]
    // Code-point order: upper case before lower case.
    [InlineData(ComputedEntityTypes.User, "U4 u1 u2 u3")]
    // b4 names no conversation.
    [InlineData(ComputedEntityTypes.Conversation, "c2 c3 c5")]
    [InlineData(ComputedEntityTypes.Tenant, "t1 t2")]
    [InlineData(ComputedEntityTypes.Message, "m7 m8")]
    public async Task Only_entities_named_by_rows_written_after_the_first_position_are_changed(string entityType, string expected)
    {
        var (first, second) = await WriteBothAsync();

        Assert.Equal(expected.Split(' '), await Reader.ChangedEntitiesAsync(entityType, AllSources, first, second, CancellationToken.None));
        Assert.Empty(await Reader.ChangedEntitiesAsync(entityType, AllSources, second, second, CancellationToken.None));
    }

    [Theory]
    [InlineData(ComputedEntityTypes.User, "U4 u1 u2 u3")]
    [InlineData(ComputedEntityTypes.Conversation, "c1 c2 c3 c4 c5")]
    [InlineData(ComputedEntityTypes.Tenant, "t1 t2")]
    [InlineData(ComputedEntityTypes.Message, "m1 m2 m3 m4 m5 m6 m7 m8")]
    public async Task From_the_start_every_entity_with_a_row_is_changed(string entityType, string expected)
    {
        var (_, second) = await WriteBothAsync();

        Assert.Equal(expected.Split(' '), await Reader.ChangedEntitiesAsync(entityType, AllSources, SourcePositions.Start, second, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_named_sources_are_read()
    {
        var (first, second) = await WriteBothAsync();

        Assert.Equal(["u3"], await Reader.ChangedEntitiesAsync(ComputedEntityTypes.User, ["feedback"], first, second, CancellationToken.None));
        Assert.Equal(["U4", "u2"], await Reader.ChangedEntitiesAsync(ComputedEntityTypes.User, ["messages"], first, second, CancellationToken.None));
        // Only message rows name messages.
        Assert.Empty(await Reader.ChangedEntitiesAsync(ComputedEntityTypes.Message, ["conversations", "feedback", "bookings"], SourcePositions.Start, second, CancellationToken.None));
    }

    [Fact]
    public async Task Each_table_is_read_from_its_own_position()
    {
        var (first, second) = await WriteBothAsync();

        // Bookings already read up to the second position: u1's phone booking is not news.
        var changed = await Reader.ChangedEntitiesAsync(ComputedEntityTypes.User, AllSources, first with { Bookings = second.Bookings }, second, CancellationToken.None);

        Assert.Equal(["U4", "u2", "u3"], changed);
    }

    [Fact]
    public async Task Rows_written_after_the_upper_position_are_left_for_the_next_run()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);
        var first = await Reader.HighWaterAsync(CancellationToken.None);
        await Store.WriteAsync(Later, CancellationToken.None);

        Assert.Equal(["u1", "u2", "u3"], await Reader.ChangedEntitiesAsync(ComputedEntityTypes.User, AllSources, SourcePositions.Start, first, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_entity_types_and_sources_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Reader.ChangedEntitiesAsync("booking", AllSources, SourcePositions.Start, SourcePositions.Start, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Reader.ChangedEntitiesAsync(ComputedEntityTypes.User, ["users"], SourcePositions.Start, SourcePositions.Start, CancellationToken.None));
    }

    private async Task<(SourcePositions First, SourcePositions Second)> WriteBothAsync()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);
        var first = await Reader.HighWaterAsync(CancellationToken.None);
        await Store.WriteAsync(Later, CancellationToken.None);
        return (first, await Reader.HighWaterAsync(CancellationToken.None));
    }
}
