using System.Text;
using FeatureStore.Core.TrainingSets;
using FeatureStore.Postgres.Values;
using Microsoft.Extensions.Options;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>The kept lines' memory budget and their range reads, without a server.</summary>
public sealed class HistorySnapshotBudgetTests
{
    private const long MiB = 1024 * 1024;
    private static readonly LineKey A = new(Guid.NewGuid(), 1, "user");
    private static readonly LineKey B = new(Guid.NewGuid(), 1, "user");
    private static readonly LineKey C = new(Guid.NewGuid(), 2, "user");

    [Fact]
    public void The_line_used_longest_ago_makes_room_and_a_line_over_the_budget_is_never_kept()
    {
        var snapshots = new HistorySnapshots(Options.Create(new TrainingSetReadOptions { SnapshotMemoryMiB = 1 }));
        snapshots.Keep(A, "a", [Batch("u1")], 400 * 1024);
        snapshots.Keep(B, "b", [Batch("u1")], 400 * 1024);
        Assert.NotNull(snapshots.Find(A, "a")); // A is now the more recently used

        snapshots.Keep(C, "c", [Batch("u1")], 400 * 1024);

        Assert.NotNull(snapshots.Find(A, "a"));
        Assert.Null(snapshots.Find(B, "b"));
        Assert.NotNull(snapshots.Find(C, "c"));
        Assert.Equal(800 * 1024, snapshots.Bytes);

        snapshots.Keep(B, "b", [Batch("u1")], 2 * MiB);
        Assert.Null(snapshots.Find(B, "b"));
        Assert.True(snapshots.IsTooLarge(B));
        Assert.False(snapshots.IsTooLarge(A));
    }

    [Fact]
    public void Other_marks_drop_the_kept_line()
    {
        var snapshots = new HistorySnapshots(Options.Create(new TrainingSetReadOptions { SnapshotMemoryMiB = 1 }));
        snapshots.Keep(A, "7:100", [Batch("u1")], 1024);

        Assert.Null(snapshots.Find(A, "7:101"));
        Assert.Null(snapshots.Find(A, "7:100"));
        Assert.Equal(0, snapshots.Bytes);
    }

    [Fact]
    public void A_range_takes_the_batches_that_may_hold_its_entities()
    {
        List<EntityRowBatch> batches = [Batch("a", "c"), Batch("c", "f"), Batch("g", "k"), Batch("m", "p")];

        Assert.Equal([0, 1], Indexes(batches, "b", "c"));
        Assert.Equal([1, 2], Indexes(batches, "d", "h"));
        Assert.Equal([3], Indexes(batches, "l", "z"));
        Assert.Empty(Indexes(batches, "q", "z"));
        Assert.Equal([0, 1, 2, 3], Indexes(batches, "", "zz"));
    }

    private static List<int> Indexes(List<EntityRowBatch> batches, string min, string max) =>
        [.. KeptRange.Of(batches, Encoding.UTF8.GetBytes(min), Encoding.UTF8.GetBytes(max)).Select(b => batches.IndexOf(b))];

    private static EntityRowBatch Batch(params string[] entities)
    {
        var batch = new EntityRowBatch();
        foreach (var entity in entities)
        {
            Assert.True(batch.TryAdd(Encoding.UTF8.GetBytes(entity), 0, "1"u8));
        }

        return batch;
    }
}
