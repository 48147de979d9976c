using System.Threading.Channels;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Passes a whole-line read's batches on to the merge and keeps a reference to each, so the line can be kept
/// (<see cref="HistorySnapshots"/>) once the read ends; past <paramref name="budget"/> bytes it stops keeping them.
/// </summary>
internal sealed class LineCollector(ChannelWriter<EntityRowBatch> merge, long budget) : ChannelWriter<EntityRowBatch>
{
    private List<EntityRowBatch>? _batches = [];

    /// <summary>The bytes of the batches read so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>Every batch read, in order; null once they outgrew the budget.</summary>
    public IReadOnlyList<EntityRowBatch>? Batches => _batches;

    public override bool TryWrite(EntityRowBatch item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!merge.TryWrite(item))
        {
            return false;
        }

        Bytes += item.Bytes;
        if (Bytes > budget)
        {
            _batches = null;
        }

        _batches?.Add(item);
        return true;
    }

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => merge.WaitToWriteAsync(cancellationToken);

    public override bool TryComplete(Exception? error = null) => merge.TryComplete(error);
}
