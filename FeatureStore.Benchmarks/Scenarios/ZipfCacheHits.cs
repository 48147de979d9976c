using System.Diagnostics;
using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;

namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// The in-process cache under a Zipf workload: 1 user x F features per request, users Zipf-drawn,
/// one connection, back to back. The hit rate is read from the answers (<c>source</c>: CACHE vs
/// ONLINE), from the gateway as configured (warmed from Redis at start, so a first sight can hit).
/// Beside it, the best a cache without warm-up could do on this very sequence with the same MaxAge
/// (every first sight and every re-read after expiry is a miss): what the warm-up adds.
/// </summary>
internal sealed class ZipfCacheHits(GatewayClient client, GraphQLBodies bodies, ServingDataset data)
{
    /// <summary>FeatureStore:Cache:MaxAge in the gateway's appsettings.json.</summary>
    public static readonly TimeSpan CacheMaxAge = TimeSpan.FromMinutes(10);

    public const double Target = 0.95;

    public async Task<CacheResult> MeasureAsync(double exponent, int seed, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var zipf = new Zipf(data.Entities, exponent, seed);
        var random = new Random(seed);
        var requests = new List<(long At, int Entity)>();
        var latencies = new List<double>();
        var counts = new SourceCounts();
        var measuredFrom = 0;
        var phaseEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measuring = false;
        while (true)
        {
            if (Stopwatch.GetTimestamp() >= phaseEnd)
            {
                if (measuring)
                {
                    break;
                }

                measuring = true;
                measuredFrom = requests.Count;
                phaseEnd = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            }

            var entity = zipf.Next(random);
            var body = bodies.One(ServingDataset.EntityId(entity), null);
            var started = Stopwatch.GetTimestamp();
            var answer = await client.PostGraphQLAsync(body, cancellationToken);
            var elapsed = Stopwatch.GetTimestamp() - started;
            requests.Add((started, entity));
            var sources = FeatureAnswers.Check(answer, data, [entity], null);
            if (measuring)
            {
                counts = counts.Add(sources);
                latencies.Add(elapsed * 1_000_000.0 / Stopwatch.Frequency);
            }
        }

        var latency = new Percentiles(latencies);
        var rate = latency.Count / duration.TotalSeconds;
        return new CacheResult(exponent, counts, IdealHitRate(requests, measuredFrom), latency,
            TtlCacheModel.HitRate(zipf, rate, CacheMaxAge), TtlCacheModel.MaxAgeFor(zipf, rate, Target));
    }

    // A cache without warm-up that keeps everything it fills for exactly MaxAge, replayed over the same requests.
    private static double IdealHitRate(List<(long At, int Entity)> requests, int measuredFrom)
    {
        var maxAge = (long)(CacheMaxAge.TotalSeconds * Stopwatch.Frequency);
        var filledAt = new Dictionary<int, long>();
        long hits = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var (at, entity) = requests[i];
            if (filledAt.TryGetValue(entity, out var filled) && at - filled <= maxAge)
            {
                hits += i >= measuredFrom ? 1 : 0;
            }
            else
            {
                filledAt[entity] = at;
            }
        }

        return (double)hits / Math.Max(1, requests.Count - measuredFrom);
    }
}
