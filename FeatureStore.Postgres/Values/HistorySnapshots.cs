using FeatureStore.Core.TrainingSets;
using Microsoft.Extensions.Options;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Whole value lines' histories as the export read them, kept in memory with the line's write marks
/// (<see cref="OfflineSql.MarkLines"/>) read in the same transaction. A later export takes a kept line instead of
/// reading it again while the line's marks are still those: a write committed since would have changed its stripe's
/// mark, and one not committed yet is invisible to a fresh read too, so both give the same rows. When writes came
/// since, the kept line is handed out to be patched with the entities they changed (<see cref="KeptPatch"/>): the
/// changes log names them when only logged writes came, the rows' versions otherwise
/// (<see cref="TrainingSetSql.EntitiesWithRowsChangedSince"/>). Bounded by <see cref="TrainingSetReadOptions.SnapshotMemoryMiB"/>; the line
/// used longest ago makes room first.
/// </summary>
internal sealed class HistorySnapshots(IOptions<TrainingSetReadOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<LineKey, Kept> _lines = [];
    private readonly HashSet<LineKey> _tooLarge = [];
    private long _bytes;
    private long _uses;
    private long _patches;
    private long _wholeLineSearches;
    private long _rangeSearches;

    /// <summary>The memory budget in bytes; 0 keeps nothing.</summary>
    public long Budget => options.Value.SnapshotMemoryMiB * 1024L * 1024L;

    /// <summary>The most changed entities a kept line is patched with; more, and it is read again whole.</summary>
    public int PatchUpTo => options.Value.PatchEntitiesUpTo;

    /// <summary>The bytes kept now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// Row versions are compared as 32-bit transaction ids, which wrap: a kept copy read more transactions ago than
    /// this is never patched (read whole instead), so every id written since it is still told apart from older ones.
    /// </summary>
    public const long PatchWithinTransactions = 1_000_000_000;

    /// <summary>
    /// The line's kept copy, if it was read with these marks (<see cref="KeptLine.IsCurrent"/>) or writes came since (to
    /// be patched, then kept again); a copy too old to be patched by row versions after an unlogged write is dropped.
    /// </summary>
    public KeptLine? Find(LineKey line, LineMarks marks)
    {
        lock (_lock)
        {
            if (!_lines.TryGetValue(line, out var kept))
            {
                return null;
            }

            var unlogged = kept.Marks.Unlogged != marks.Unlogged;
            if (unlogged && marks.SnapshotMin - kept.Marks.SnapshotMin > PatchWithinTransactions)
            {
                Drop(line, kept);
                return null;
            }

            kept.LastUse = ++_uses;
            return new KeptLine(kept.Batches, kept.Marks, kept.Marks.Written == marks.Written, unlogged);
        }
    }

    /// <summary>True when the line was once read whole and did not fit the budget: read only what a spine needs.</summary>
    public bool IsTooLarge(LineKey line)
    {
        lock (_lock)
        {
            return _tooLarge.Contains(line);
        }
    }

    /// <summary>Keeps a whole line read with <paramref name="marks"/>, making room by dropping the least recently used lines.</summary>
    public void Keep(LineKey line, LineMarks marks, IReadOnlyList<EntityRowBatch> batches, long bytes)
    {
        lock (_lock)
        {
            if (_lines.Remove(line, out var old))
            {
                _bytes -= old.Bytes;
            }

            if (bytes > Budget)
            {
                _tooLarge.Add(line);
                return;
            }

            while (_bytes + bytes > Budget)
            {
                var oldest = _lines.MinBy(l => l.Value.LastUse);
                Drop(oldest.Key, oldest.Value);
            }

            _lines[line] = new Kept(marks, batches, bytes) { LastUse = ++_uses };
            _bytes += bytes;
        }
    }

    /// <summary>Keeps a kept line brought up to date (<see cref="KeptPatch"/>) in place of its old copy.</summary>
    public void KeepPatched(LineKey line, LineMarks marks, IReadOnlyList<EntityRowBatch> batches, long bytes)
    {
        Keep(line, marks, batches, bytes);
        Interlocked.Increment(ref _patches);
    }

    /// <summary>How many times a kept line was patched rather than read again (what tests and logs can tell apart).</summary>
    public long Patches => Interlocked.Read(ref _patches);

    /// <summary>How many searches by row versions scanned a whole line, and how many only the unlogged writes' ranges.</summary>
    public (long WholeLines, long Ranges) Searches => (Interlocked.Read(ref _wholeLineSearches), Interlocked.Read(ref _rangeSearches));

    /// <summary>Counts a search by row versions (<see cref="Searches"/>).</summary>
    public void CountSearch(bool wholeLine) => Interlocked.Increment(ref wholeLine ? ref _wholeLineSearches : ref _rangeSearches);

    /// <summary>Notes that a line outgrew the budget while being read (nothing of it is kept).</summary>
    public void TooLarge(LineKey line)
    {
        lock (_lock)
        {
            _tooLarge.Add(line);
        }
    }

    private void Drop(LineKey line, Kept kept)
    {
        _lines.Remove(line);
        _bytes -= kept.Bytes;
    }

    private sealed record Kept(LineMarks Marks, IReadOnlyList<EntityRowBatch> Batches, long Bytes)
    {
        public long LastUse { get; set; }
    }
}

/// <summary>
/// A kept line: its batches, the marks it was read with, whether no write came since, and whether an unlogged one did
/// (its entities are found by the rows' versions, not in the changes log).
/// </summary>
internal sealed record KeptLine(IReadOnlyList<EntityRowBatch> Batches, LineMarks Marks, bool IsCurrent, bool UnloggedSince = false);

/// <summary>
/// A line's write marks as one read saw them (<see cref="TrainingSetSql.LineMarks"/>): every stripe's last writer, the
/// stripes' last unlogged writers, and the reading transaction's snapshot, which says which writers it saw.
/// </summary>
internal sealed record LineMarks(string Written, string Unlogged, string Snapshot)
{
    /// <summary>The snapshot's xmin (<c>xmin:xmax:xip</c>): every transaction before it had ended.</summary>
    public long SnapshotMin => long.Parse(Snapshot.AsSpan(0, Snapshot.IndexOf(':', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A value line of one entity type: what the export reads, and keeps, as a whole.</summary>
internal readonly record struct LineKey(Guid FeatureId, int Line, string EntityType);
