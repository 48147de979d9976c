using System.Runtime.CompilerServices;

namespace FeatureStore.Core.TrainingSets;

/// <summary>
/// Rows of an export's ordered reads, a batch at a time: spine rows (an entity and an instant) or the stored values
/// of a feature value line (an entity, a validFrom and the value as JSON). Ids and values stay UTF-8 bytes in one
/// buffer, so millions of rows cost an allocation per batch rather than several per row, and comparing the bytes
/// is comparing code points (<see cref="Values.CodePointOrder"/>), the store's order. A batch is filled, then only
/// read; the memory it hands out stays valid as long as the batch is referenced.
/// </summary>
public sealed class EntityRowBatch
{
    /// <summary>Rows per batch unless told otherwise.</summary>
    public const int DefaultCapacity = 2_048;

    private const int DefaultBytes = 1 << 16;

    private readonly Row[] _rows;
    private byte[] _bytes;
    private int _used;

    /// <summary>An empty batch of at most <paramref name="capacity"/> rows.</summary>
    public EntityRowBatch(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        // Not zeroed: a batch only reads what it wrote, and millions of rows go through batches.
        _rows = GC.AllocateUninitializedArray<Row>(capacity);
        _bytes = GC.AllocateUninitializedArray<byte>(DefaultBytes);
    }

    /// <summary>Rows in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>About how much memory the batch holds (what a cache of batches counts).</summary>
    public long Bytes => ((long)_rows.Length * Unsafe.SizeOf<Row>()) + _bytes.Length;

    /// <summary>The entity id of row <paramref name="row"/>, UTF-8.</summary>
    public ReadOnlyMemory<byte> EntityId(int row) => new(_bytes, _rows[row].IdStart, _rows[row].IdLength);

    /// <summary>The instant of row <paramref name="row"/> (the spine's timestamp, or the value's validFrom) in UTC ticks.</summary>
    public long UtcTicks(int row) => _rows[row].UtcTicks;

    /// <summary>The value of row <paramref name="row"/> as JSON text, UTF-8; empty for spine rows.</summary>
    public ReadOnlyMemory<byte> Value(int row) => new(_bytes, _rows[row].IdStart + _rows[row].IdLength, _rows[row].ValueLength);

    /// <summary>
    /// Adds a row; false (and nothing added) when the batch is full. A row too big for the space left goes to the
    /// next batch, unless the batch is empty: then the buffer grows, so any row fits somewhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<byte> entityId, long utcTicks, ReadOnlySpan<byte> value)
    {
        if (Count == _rows.Length)
        {
            return false;
        }

        var size = entityId.Length + value.Length;
        if (_bytes.Length - _used < size)
        {
            if (Count > 0)
            {
                return false;
            }

            _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(size, DefaultBytes));
        }

        entityId.CopyTo(_bytes.AsSpan(_used));
        value.CopyTo(_bytes.AsSpan(_used + entityId.Length));
        _rows[Count++] = new Row(_used, entityId.Length, value.Length, utcTicks);
        _used += size;
        return true;
    }

    private readonly record struct Row(int IdStart, int IdLength, int ValueLength, long UtcTicks);
}
