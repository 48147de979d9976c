using FeatureStore.Core.Computation;
using FeatureStore.Core.Sources;
using FeatureStore.Testing;
using static FeatureStore.Postgres.Tests.Sources.HandMadeSources;

namespace FeatureStore.Postgres.Tests.Sources;

/// <summary>ISourceStore.WriteNewAsync: replayed rows are skipped, new ones written, broken batches refused whole.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class WriteNewTests(InfrastructureFixture infrastructure) : SourceTestBase(infrastructure, "srcnew")
{
    private static readonly Message M7 = new("m7", "c2", "t1", "u2", MessageRole.User, "¿Y el tinte?", Ten.AddHours(2), null, Intents.Pricing, "es");

    [Fact]
    public async Task New_rows_are_written_and_counted()
    {
        Assert.Equal(Batch.RowCount, await Store.WriteNewAsync(Batch, CancellationToken.None));

        Assert.Equal(SourceCounts.Of(Batch), await Store.CountAsync(CancellationToken.None));
        var loaded = await Reader.LoadAsync(ComputedEntityTypes.Conversation, ["messages", "feedback", "bookings"], ["c1"], CancellationToken.None);
        Assert.Equal([M1, M2], loaded["c1"].Messages);
        Assert.Equal([F1], loaded["c1"].Feedback);
        Assert.Equal([B1], loaded["c1"].Bookings);
    }

    [Fact]
    public async Task A_replayed_batch_writes_nothing_and_leaves_the_stored_rows_as_they_were()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);
        var highWater = await Reader.HighWaterAsync(CancellationToken.None);

        // The same ids with other contents: the stored rows win.
        var replay = Batch with { Messages = [.. Batch.Messages.Select(m => m with { Text = "replayed" })] };
        Assert.Equal(0, await Store.WriteNewAsync(replay, CancellationToken.None));

        Assert.Equal(SourceCounts.Of(Batch), await Store.CountAsync(CancellationToken.None));
        Assert.Equal(highWater, await Reader.HighWaterAsync(CancellationToken.None));
        var loaded = await Reader.LoadAsync(ComputedEntityTypes.User, ["messages"], ["u1"], CancellationToken.None);
        Assert.Equal([M1, M5, M2], loaded["u1"].Messages);
    }

    [Fact]
    public async Task Of_old_and_new_rows_only_the_new_are_written()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);
        var before = await Reader.HighWaterAsync(CancellationToken.None);
        var f3 = new Feedback("f3", "t1", "u2", "c2", null, 3, Ten.AddHours(2));

        var written = await Store.WriteNewAsync(Batch with { Messages = [.. Batch.Messages, M7], Feedback = [f3, .. Batch.Feedback] }, CancellationToken.None);

        Assert.Equal(2, written);
        Assert.Equal(before with { Messages = before.Messages + 1, Feedback = before.Feedback + 1 }, await Reader.HighWaterAsync(CancellationToken.None));
        var loaded = await Reader.LoadAsync(ComputedEntityTypes.Conversation, ["messages", "feedback"], ["c2"], CancellationToken.None);
        Assert.Equal([M3, M4, M7], loaded["c2"].Messages);
        Assert.Equal([f3], loaded["c2"].Feedback);
    }

    [Fact]
    public async Task A_broken_row_writes_nothing_of_the_batch()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);
        var before = await Store.CountAsync(CancellationToken.None);
        var broken = SourceBatch.Empty with { Messages = [M7], Feedback = [new Feedback("f3", "t1", "u2", "c2", null, 9, Ten.AddHours(2))] };

        var error = await Assert.ThrowsAsync<InvalidSourceRowsException>(() => Store.WriteNewAsync(broken, CancellationToken.None));

        Assert.Equal(("src_feedback", "ck_src_feedback_satisfaction"), (error.Table, error.Rule));
        Assert.Equal(before, await Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_same_id_twice_in_one_batch_is_refused_and_nothing_is_written()
    {
        var twice = SourceBatch.Empty with { Conversations = [C1], Messages = [M7, M7 with { Text = "otra vez" }] };

        var error = await Assert.ThrowsAsync<InvalidSourceRowsException>(() => Store.WriteNewAsync(twice, CancellationToken.None));

        Assert.Equal("src_messages", error.Table);
        Assert.Contains("'m7'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Store.CountAsync(CancellationToken.None)).Total);
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing()
    {
        Assert.Equal(0, await Store.WriteNewAsync(SourceBatch.Empty, CancellationToken.None));
        Assert.Equal(0, (await Store.CountAsync(CancellationToken.None)).Total);
    }

    [Fact]
    public async Task A_batch_replayed_many_times_is_written_once()
    {
        Assert.Equal(Batch.RowCount, await Store.WriteNewAsync(Batch, CancellationToken.None));
        // Enough calls for the statements to be auto-prepared, while their staging tables are
        // dropped and created anew at every call.
        for (var replay = 0; replay < 8; replay++)
        {
            Assert.Equal(0, await Store.WriteNewAsync(Batch, CancellationToken.None));
        }

        Assert.Equal(SourceCounts.Of(Batch), await Store.CountAsync(CancellationToken.None));
    }
}
