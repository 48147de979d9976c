using FeatureStore.Core.TrainingSets;
using Microsoft.Extensions.Options;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Whole value lines' histories as the export read them, kept in memory with the line's write marks
/// (<see cref="OfflineSql.MarkLines"/>) read in the same transaction. A later export takes a kept line instead of
/// reading it again while the line's marks are still those: a write committed since would have changed its stripe's
/// mark, and one not committed yet is invisible to a fresh read too, so both give the same rows. Bounded by
/// <see cref="TrainingSetReadOptions.SnapshotMemoryMiB"/>; the line used longest ago makes room first.
/// </summary>
internal sealed class HistorySnapshots(IOptions<TrainingSetReadOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<LineKey, Kept> _lines = [];
    private readonly HashSet<LineKey> _tooLarge = [];
    private long _bytes;
    private long _uses;

    /// <summary>The memory budget in bytes; 0 keeps nothing.</summary>
    public long Budget => options.Value.SnapshotMemoryMiB * 1024L * 1024L;

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

    /// <summary>The line's kept batches, if it was read with these marks; a copy read with other marks is dropped.</summary>
    public IReadOnlyList<EntityRowBatch>? Find(LineKey line, string marks)
    {
        lock (_lock)
        {
            if (!_lines.TryGetValue(line, out var kept))
            {
                return null;
            }

            if (kept.Marks != marks)
            {
                Drop(line, kept);
                return null;
            }

            kept.LastUse = ++_uses;
            return kept.Batches;
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
    public void Keep(LineKey line, string marks, IReadOnlyList<EntityRowBatch> batches, long bytes)
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

    private sealed record Kept(string Marks, IReadOnlyList<EntityRowBatch> Batches, long Bytes)
    {
        public long LastUse { get; set; }
    }
}

/// <summary>A value line of one entity type: what the export reads, and keeps, as a whole.</summary>
internal readonly record struct LineKey(Guid FeatureId, int Line, string EntityType);
