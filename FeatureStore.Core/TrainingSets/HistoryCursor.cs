using FeatureStore.Core.Values;

namespace FeatureStore.Core.TrainingSets;

/// <summary>
/// One side of the sort-merge as-of join: walks a value line's history (ordered by entity, then
/// validFrom) forward only, in step with the spine (ordered the same way), and answers "the value
/// with the greatest validFrom at or before t" for each spine row with at most one row of look-ahead.
/// </summary>
internal sealed class HistoryCursor(IAsyncEnumerator<HistoryRow> rows) : IAsyncDisposable
{
    private HistoryRow? _best;
    private HistoryRow? _next;
    private bool _started;

    /// <summary>The entity's value as of <paramref name="at"/>; calls must come in spine order.</summary>
    public async ValueTask<HistoryRow?> AsOfAsync(string entityId, DateTimeOffset at)
    {
        if (!_started)
        {
            _started = true;
            _next = await rows.MoveNextAsync() ? rows.Current : null;
        }

        while (_next is not null && IsAtOrBefore(_next, entityId, at))
        {
            _best = _next;
            _next = await rows.MoveNextAsync() ? rows.Current : null;
        }

        return _best is not null && string.Equals(_best.EntityId, entityId, StringComparison.Ordinal) ? _best : null;
    }

    public ValueTask DisposeAsync() => rows.DisposeAsync();

    private static bool IsAtOrBefore(HistoryRow row, string entityId, DateTimeOffset at)
    {
        var order = CodePointOrder.Instance.Compare(row.EntityId, entityId);
        return order < 0 || (order == 0 && row.ValidFrom <= at);
    }
}
