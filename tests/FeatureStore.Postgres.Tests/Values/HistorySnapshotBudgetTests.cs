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
        snapshots.Keep(A, Marks("a"), [Batch("u1")], 400 * 1024);
        snapshots.Keep(B, Marks("b"), [Batch("u1")], 400 * 1024);
        Assert.NotNull(snapshots.Find(A, Marks("a"))); // A is now the more recently used

        snapshots.Keep(C, Marks("c"), [Batch("u1")], 400 * 1024);

        Assert.NotNull(snapshots.Find(A, Marks("a")));
        Assert.Null(snapshots.Find(B, Marks("b")));
        Assert.NotNull(snapshots.Find(C, Marks("c")));
        Assert.Equal(800 * 1024, snapshots.Bytes);

        snapshots.Keep(B, Marks("b"), [Batch("u1")], 2 * MiB);
        Assert.Null(snapshots.Find(B, Marks("b")));
        Assert.True(snapshots.IsTooLarge(B));
        Assert.False(snapshots.IsTooLarge(A));
    }

    [Fact]
    public void Writes_since_hand_the_kept_line_out_to_be_patched_saying_whether_an_unlogged_one_came()
    {
        var snapshots = new HistorySnapshots(Options.Create(new TrainingSetReadOptions { SnapshotMemoryMiB = 1 }));
        List<EntityRowBatch> batches = [Batch("u1")];
        snapshots.Keep(A, new LineMarks("7:100", "", "100:100:"), batches, 1024);

        Assert.Equal(new KeptLine(batches, new LineMarks("7:100", "", "100:100:"), IsCurrent: true), snapshots.Find(A, new LineMarks("7:100", "", "101:101:")));
        var logged = snapshots.Find(A, new LineMarks("7:101", "", "102:102:"));
        Assert.NotNull(logged);
        Assert.False(logged.IsCurrent);
        Assert.False(logged.UnloggedSince);
        Assert.Same(batches, logged.Batches);

        var unlogged = snapshots.Find(A, new LineMarks("7:102", "7:102", "103:103:"));
        Assert.NotNull(unlogged);
        Assert.False(unlogged.IsCurrent);
        Assert.True(unlogged.UnloggedSince);
        Assert.Same(batches, unlogged.Batches);
    }

    [Fact]
    public void A_kept_line_read_too_many_transactions_before_an_unlogged_write_is_dropped_as_its_row_versions_may_have_wrapped()
    {
        var snapshots = new HistorySnapshots(Options.Create(new TrainingSetReadOptions { SnapshotMemoryMiB = 1 }));
        List<EntityRowBatch> batches = [Batch("u1")];
        snapshots.Keep(A, new LineMarks("7:100", "", "100:105:102"), batches, 1024);

        var limit = 100 + HistorySnapshots.PatchWithinTransactions;
        Assert.NotNull(snapshots.Find(A, new LineMarks("7:101", "", $"{limit + 1}:{limit + 1}:"))); // logged only: the log has the ids
        Assert.NotNull(snapshots.Find(A, new LineMarks("7:102", "7:102", $"{limit}:{limit + 2}:")));
        Assert.Null(snapshots.Find(A, new LineMarks("7:102", "7:102", $"{limit + 1}:{limit + 2}:")));
        Assert.Equal(0, snapshots.Bytes);
    }

    [Fact]
    public void A_patch_replaces_the_changed_entities_rows_whole_and_keeps_every_other_row_in_order()
    {
        List<EntityRowBatch> kept = [Rows("kept", ("a", 1), ("b", 1), ("b", 2)), Rows("kept", ("d", 1), ("e", 1))];
        List<EntityRowBatch> fresh = [Rows("fresh", ("b", 1), ("b", 3)), Rows("fresh", ("c", 1)), Rows("fresh", ("e", 0), ("e", 1), ("f", 1))];
        byte[][] changed = [.. new[] { "b", "c", "e", "f" }.Select(Encoding.UTF8.GetBytes)];

        var (batches, bytes) = KeptPatch.Apply(kept, changed, fresh);

        Assert.Equal(["a@1=kept", "b@1=fresh", "b@3=fresh", "c@1=fresh", "d@1=kept", "e@0=fresh", "e@1=fresh", "f@1=fresh"], Describe(batches));
        Assert.Equal(batches.Sum(b => b.Bytes), bytes);
        Assert.Equal(["a@1=kept", "b@1=kept", "b@2=kept", "d@1=kept", "e@1=kept"], Describe(KeptPatch.Apply(kept, [], []).Batches));
        Assert.Equal(["a@1=kept", "d@1=kept", "e@1=kept"], Describe(KeptPatch.Apply(kept, changed[..1], []).Batches));
    }

    [Fact]
    public void A_patch_takes_the_kept_batches_without_a_changed_entity_as_they_are()
    {
        List<EntityRowBatch> kept = [Rows("kept", ("a", 1)), Rows("kept", ("b", 1), ("b", 2)), Rows("kept", ("d", 1)), Rows("kept", ("e", 1), ("g", 1))];

        var (batches, _) = KeptPatch.Apply(kept, [Encoding.UTF8.GetBytes("c"), Encoding.UTF8.GetBytes("f")], [Rows("fresh", ("c", 1), ("f", 1))]);

        Assert.Equal(["a@1=kept", "b@1=kept", "b@2=kept", "c@1=fresh", "d@1=kept", "e@1=kept", "f@1=fresh", "g@1=kept"], Describe(batches));
        Assert.Same(kept[0], batches[0]);
        Assert.Same(kept[1], batches[1]);
        Assert.Same(kept[2], batches[3]);
        Assert.DoesNotContain(kept[3], batches);
    }

    private static LineMarks Marks(string written) => new(written, "", "1:1:");

    // Every row's value says where it came from.
    private static EntityRowBatch Rows(string value, params (string Entity, long Ticks)[] rows)
    {
        var batch = new EntityRowBatch();
        foreach (var (entity, ticks) in rows)
        {
            Assert.True(batch.TryAdd(Encoding.UTF8.GetBytes(entity), ticks, Encoding.UTF8.GetBytes(value)));
        }

        return batch;
    }

    private static List<string> Describe(IEnumerable<EntityRowBatch> batches) =>
        [.. batches.SelectMany(b => Enumerable.Range(0, b.Count).Select(i =>
            $"{Encoding.UTF8.GetString(b.EntityId(i).Span)}@{b.UtcTicks(i)}={Encoding.UTF8.GetString(b.Value(i).Span)}"))];

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
