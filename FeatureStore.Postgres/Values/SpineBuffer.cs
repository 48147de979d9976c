using System.Buffers;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// A spine held in memory: ids as UTF-8 in one buffer, instants as Postgres stores them (microseconds), sorted by
/// id bytes (code-point order, as the "C" collation sorts) then instant, and handed out as batches. For spines small
/// enough to sort here instead of staging them in a temporary table. Its arrays come from the shared pool and go
/// back when it is disposed: a 100,000-row spine grows them past the large-object threshold, and every export
/// allocating them anew (about 6 MB each) set off the gateway's background collections of its whole heap, cache
/// included (measured 2026-12-07). Nothing it handed out points into them: <see cref="Batches"/> copies the rows.
/// </summary>
internal sealed class SpineBuffer : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _used;
    private Entry[] _rows = ArrayPool<Entry>.Shared.Rent(1 << 10);

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Id(int row) => _bytes.AsSpan(_rows[row].Start, _rows[row].Length);

    /// <summary>The instant in UTC ticks, already cut to the microsecond Postgres would keep.</summary>
    public long UtcTicks(int row) => _rows[row].UtcTicks;

    public void Add(string entityId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var most = BinaryCopy.Utf8.GetMaxByteCount(entityId.Length);
        ObjectDisposedException.ThrowIf(_rows.Length == 0, this);
        if (_bytes.Length - _used < most)
        {
            _bytes = PooledArrays.Grow(_bytes, _used, Math.Max(_bytes.Length * 2, _used + most));
        }

        if (Count == _rows.Length)
        {
            _rows = PooledArrays.Grow(_rows, Count, _rows.Length * 2);
        }

        var length = BinaryCopy.Utf8.GetBytes(entityId, _bytes.AsSpan(_used));
        _rows[Count++] = new Entry(_used, length, BinaryCopy.FromPostgres(BinaryCopy.ToPostgres(timestamp.UtcTicks)));
        _used += length;
    }

    /// <summary>Sorts the rows by id, then instant; a spine sent in that order already is only checked.</summary>
    public void Sort()
    {
        var rows = _rows.AsSpan(0, Count);
        for (var i = 1; i < rows.Length; i++)
        {
            if (Compare(rows[i - 1], rows[i]) > 0)
            {
                rows.Sort(Compare);
                return;
            }
        }
    }

    /// <summary>The rows in order, in batches of at most <see cref="EntityRowBatch.DefaultCapacity"/>.</summary>
    public IEnumerable<EntityRowBatch> Batches()
    {
        ObjectDisposedException.ThrowIf(_rows.Length == 0, this);
        var batch = new EntityRowBatch();
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            if (!batch.TryAdd(Id(i), UtcTicks(i), []))
            {
                yield return batch;
                // Disposed while the caller held the batch: say so, never a spine cut short without a word.
                ObjectDisposedException.ThrowIf(_rows.Length == 0, this);
                batch = new EntityRowBatch();
                batch.TryAdd(Id(i), UtcTicks(i), []);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Gives the arrays back to the pool; the buffer is then empty and refuses rows.</summary>
    public void Dispose()
    {
        if (_rows.Length == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<Entry>.Shared.Return(_rows);
        _bytes = [];
        _rows = [];
        _used = 0;
        Count = 0;
    }

    private int Compare(Entry a, Entry b)
    {
        var order = _bytes.AsSpan(a.Start, a.Length).SequenceCompareTo(_bytes.AsSpan(b.Start, b.Length));
        return order != 0 ? order : a.UtcTicks.CompareTo(b.UtcTicks);
    }

    private readonly record struct Entry(int Start, int Length, long UtcTicks);
}
