using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Postgres.Values;

/// <summary>The batches of a kept line (ordered by entity, then validFrom) that hold a spine's entity range.</summary>
internal static class KeptRange
{
    /// <summary>From the first batch ending at or after <paramref name="min"/> to the last one starting at or before <paramref name="max"/>.</summary>
    public static IEnumerable<EntityRowBatch> Of(IReadOnlyList<EntityRowBatch> batches, byte[] min, byte[] max)
    {
        // Binary search: the first batch whose last entity is not below the range.
        int low = 0, high = batches.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var batch = batches[middle];
            if (batch.EntityId(batch.Count - 1).Span.SequenceCompareTo(min) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var i = low; i < batches.Count && batches[i].EntityId(0).Span.SequenceCompareTo(max) <= 0; i++)
        {
            yield return batches[i];
        }
    }
}
