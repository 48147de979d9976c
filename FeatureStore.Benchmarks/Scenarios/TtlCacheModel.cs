using FeatureStore.Benchmarks.Data;

namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// The steady-state hit rate of a cache that fills on a miss and drops the entry MaxAge later (no
/// refresh on hits), under independent Zipf requests at a given rate: after each miss, an item
/// requested with probability p is hit about rate x p x MaxAge times before it expires, so its hit
/// rate is x / (1 + x) with x = rate x p x MaxAge. Used to say what MaxAge a target would need.
/// </summary>
internal static class TtlCacheModel
{
    public static double HitRate(Zipf zipf, double requestsPerSecond, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(zipf);
        var hits = 0.0;
        for (var rank = 0; rank < zipf.Count; rank++)
        {
            var p = zipf.Probability(rank);
            var x = requestsPerSecond * p * maxAge.TotalSeconds;
            hits += p * x / (1 + x);
        }

        return hits;
    }

    /// <summary>The shortest MaxAge reaching <paramref name="target"/> at this rate; null beyond a year.</summary>
    public static TimeSpan? MaxAgeFor(Zipf zipf, double requestsPerSecond, double target)
    {
        double low = 0.001, high = TimeSpan.FromDays(365).TotalSeconds;
        if (HitRate(zipf, requestsPerSecond, TimeSpan.FromSeconds(high)) < target)
        {
            return null;
        }

        for (var step = 0; step < 60; step++)
        {
            var middle = Math.Sqrt(low * high);
            (low, high) = HitRate(zipf, requestsPerSecond, TimeSpan.FromSeconds(middle)) < target ? (middle, high) : (low, middle);
        }

        return TimeSpan.FromSeconds(high);
    }
}
