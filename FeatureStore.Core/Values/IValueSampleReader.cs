namespace FeatureStore.Core.Values;

/// <summary>Bounded reads of a value line's history for monitoring (drift statistics, data quality), never for serving.</summary>
public interface IValueSampleReader
{
    /// <summary>
    /// Values of the line that became true in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>): all of them when there
    /// are at most <paramref name="limit"/>, otherwise a sample of <paramref name="limit"/> chosen by entity (every value
    /// of the chosen entities, entities picked by a hash of their id), so that samples of several features of one
    /// entity type hold the same entities and can be joined into rows.
    /// </summary>
    Task<IReadOnlyList<StoredValue>> SampleAsync(string feature, int valueLine, DateTimeOffset windowStart, DateTimeOffset windowEnd, int limit, CancellationToken cancellationToken);

    /// <summary>How many current values the line has (durable online copy) and how many of them were past their TTL at <paramref name="at"/>.</summary>
    Task<CurrentFreshness> CurrentFreshnessAsync(string feature, int valueLine, DateTimeOffset at, CancellationToken cancellationToken);
}
