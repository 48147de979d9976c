using System.Runtime.CompilerServices;

namespace FeatureStore.Core.TrainingSets;

/// <summary>
/// One side of the sort-merge as-of join: walks a value line's history (ordered by entity, then validFrom) forward
/// only, in step with the spine (ordered the same way), and answers "the value with the greatest validFrom at or
/// before t" for each spine row. Rows are compared as UTF-8 bytes, in place in their batch: the merge allocates
/// nothing per row, and it only awaits when a batch runs out.
/// </summary>
internal sealed class HistoryCursor(IAsyncEnumerator<EntityRowBatch> batches) : IAsyncDisposable
{
    private EntityRowBatch? _batch;
    private int _next;
    private EntityRowBatch? _bestBatch;
    private int _best;
    private bool _ended;

    /// <summary>
    /// Moves past every row at or before (<paramref name="entityId"/>, <paramref name="utcTicks"/>); calls must come
    /// in spine order. False when the current batch ran out first: then <see cref="FetchAsync"/> and call again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdvance(ReadOnlySpan<byte> entityId, long utcTicks)
    {
        while (_batch is not null && _next < _batch.Count)
        {
            var order = _batch.EntityId(_next).Span.SequenceCompareTo(entityId);
            if (order > 0 || (order == 0 && _batch.UtcTicks(_next) > utcTicks))
            {
                return true;
            }

            _bestBatch = _batch;
            _best = _next++;
        }

        return _ended;
    }

    /// <summary>Reads the next batch (the last answer is kept, even when it was the previous batch's last row).</summary>
    public async ValueTask FetchAsync()
    {
        if (await batches.MoveNextAsync())
        {
            _batch = batches.Current;
            _next = 0;
        }
        else
        {
            _batch = null;
            _ended = true;
        }
    }

    /// <summary>After <see cref="TryAdvance"/>: the entity's value as of that instant, if it has one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<byte> entityId, out long validFromUtcTicks, out ReadOnlyMemory<byte> json)
    {
        if (_bestBatch is not null && _bestBatch.EntityId(_best).Span.SequenceEqual(entityId))
        {
            validFromUtcTicks = _bestBatch.UtcTicks(_best);
            json = _bestBatch.Value(_best);
            return true;
        }

        validFromUtcTicks = 0;
        json = default;
        return false;
    }

    public ValueTask DisposeAsync() => batches.DisposeAsync();
}
