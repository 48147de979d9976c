using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// A spine held in memory: ids as UTF-8 in one buffer, instants as Postgres stores them (microseconds), sorted by
/// id bytes (code-point order, as the "C" collation sorts) then instant, and handed out as batches. For spines small
/// enough to sort here instead of staging them in a temporary table.
/// </summary>
internal sealed class SpineBuffer
{
    private byte[] _bytes = new byte[1 << 16];
    private int _used;
    private Entry[] _rows = new Entry[1 << 10];

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Id(int row) => _bytes.AsSpan(_rows[row].Start, _rows[row].Length);

    /// <summary>The instant in UTC ticks, already cut to the microsecond Postgres would keep.</summary>
    public long UtcTicks(int row) => _rows[row].UtcTicks;

    public void Add(string entityId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var most = BinaryCopy.Utf8.GetMaxByteCount(entityId.Length);
        if (_bytes.Length - _used < most)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + most));
        }

        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
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
        var batch = new EntityRowBatch();
        for (var i = 0; i < Count; i++)
        {
            if (!batch.TryAdd(Id(i), UtcTicks(i), []))
            {
                yield return batch;
                batch = new EntityRowBatch();
                batch.TryAdd(Id(i), UtcTicks(i), []);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private int Compare(Entry a, Entry b)
    {
        var order = _bytes.AsSpan(a.Start, a.Length).SequenceCompareTo(_bytes.AsSpan(b.Start, b.Length));
        return order != 0 ? order : a.UtcTicks.CompareTo(b.UtcTicks);
    }

    private readonly record struct Entry(int Start, int Length, long UtcTicks);
}
