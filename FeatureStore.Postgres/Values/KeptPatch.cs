using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// A kept line brought up to date without reading it again: the kept rows of every entity not changed since, and
/// the rows read now of those that were, in the history's order (entity, then validFrom). A changed entity's rows
/// are replaced as a whole, never mixed with its kept ones (a write may have added, corrected or re-chained any of
/// them). A kept batch holding no changed entity is taken as it is (the same object): a patch of a few entities
/// copies a few batches, not the line.
/// </summary>
internal static class KeptPatch
{
    /// <param name="kept">The kept line, in the history's order.</param>
    /// <param name="changed">The changed entities, UTF-8, in the same order.</param>
    /// <param name="fresh">Every row of the changed entities as read now, in the same order.</param>
    public static (List<EntityRowBatch> Batches, long Bytes) Apply(IReadOnlyList<EntityRowBatch> kept, IReadOnlyList<byte[]> changed,
        IReadOnlyList<EntityRowBatch> fresh)
    {
        var output = new Output();
        var incoming = new Cursor(fresh);
        var next = 0; // the first changed entity not below the kept row's
        foreach (var batch in kept)
        {
            var first = batch.EntityId(0).Span;
            incoming.CopyBelow(first, output);
            next = FirstNotBelow(changed, next, first);

            if (next == changed.Count || changed[next].AsSpan().SequenceCompareTo(batch.EntityId(batch.Count - 1).Span) > 0)
            {
                output.Take(batch);
                continue;
            }

            for (var row = 0; row < batch.Count; row++)
            {
                var entity = batch.EntityId(row).Span;
                incoming.CopyBelow(entity, output);
                next = FirstNotBelow(changed, next, entity);

                if (next == changed.Count || !changed[next].AsSpan().SequenceEqual(entity))
                {
                    output.Add(batch, row);
                }
            }
        }

        incoming.CopyRest(output);
        return output.End();
    }

    // The first changed entity from `from` on that is not below `entity` (the list is in order).
    private static int FirstNotBelow(IReadOnlyList<byte[]> changed, int from, ReadOnlySpan<byte> entity)
    {
        while (from < changed.Count && changed[from].AsSpan().SequenceCompareTo(entity) < 0)
        {
            from++;
        }

        return from;
    }

    private sealed class Output
    {
        private readonly List<EntityRowBatch> _batches = [];
        private EntityRowBatch _current = new();

        public void Add(EntityRowBatch from, int row)
        {
            if (!_current.TryAdd(from.EntityId(row).Span, from.UtcTicks(row), from.Value(row).Span))
            {
                _batches.Add(_current);
                _current = new EntityRowBatch();
                _current.TryAdd(from.EntityId(row).Span, from.UtcTicks(row), from.Value(row).Span); // an empty batch takes any row
            }
        }

        // A whole kept batch, after the rows added so far.
        public void Take(EntityRowBatch batch)
        {
            Flush();
            _batches.Add(batch);
        }

        public (List<EntityRowBatch> Batches, long Bytes) End()
        {
            Flush();
            return (_batches, _batches.Sum(b => b.Bytes));
        }

        private void Flush()
        {
            if (_current.Count > 0)
            {
                _batches.Add(_current);
                _current = new EntityRowBatch();
            }
        }
    }

    // Walks the rows of a list of batches, copying them out in order.
    private sealed class Cursor
    {
        private readonly IReadOnlyList<EntityRowBatch> _batches;
        private int _index;

        public Cursor(IReadOnlyList<EntityRowBatch> batches)
        {
            _batches = batches;
            Skip();
        }

        private EntityRowBatch? Batch => _index < _batches.Count ? _batches[_index] : null;

        private int Row { get; set; }

        /// <summary>Copies the rows left whose entity is below this one.</summary>
        public void CopyBelow(ReadOnlySpan<byte> entity, Output output) => Copy(entity, all: false, output);

        /// <summary>Copies every row left.</summary>
        public void CopyRest(Output output) => Copy([], all: true, output);

        private void Copy(ReadOnlySpan<byte> entity, bool all, Output output)
        {
            while (Batch is { } from && (all || from.EntityId(Row).Span.SequenceCompareTo(entity) < 0))
            {
                output.Add(from, Row);
                Row++;
                Skip();
            }
        }

        private void Skip()
        {
            while (_index < _batches.Count && Row >= _batches[_index].Count)
            {
                _index++;
                Row = 0;
            }
        }
    }
}
