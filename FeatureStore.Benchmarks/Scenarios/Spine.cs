using FeatureStore.Benchmarks.Data;

namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// The training-set spine: random users at random instants of the second half of the history (so
/// every feature has a value), sorted by entity id then timestamp, the order LIMITS.md measured
/// the SQL floor in. The export and its SQL floor get exactly these rows.
/// </summary>
internal static class Spine
{
    public static IReadOnlyList<SpineRow> Create(ServingDataset data, int rows, Random random)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(random);
        return [.. Enumerable.Range(0, rows)
            .Select(_ =>
            {
                var entity = random.Next(data.Entities);
                var micros = data.FirstInstantWithAllValues + random.NextInt64(data.End - data.FirstInstantWithAllValues);
                return new SpineRow(entity, ServingDataset.EntityId(entity), ServingDataset.Instant(micros));
            })
            .OrderBy(r => r.EntityId, StringComparer.Ordinal).ThenBy(r => r.Timestamp)];
    }
}
