using System.Diagnostics;
using FeatureStore.Benchmarks.Data;

namespace FeatureStore.Benchmarks.Gateway;

/// <summary>
/// Waits for a freshly started gateway's cache warm-up, seen from outside: reads of users drawn at
/// random (so mostly never read before) are answered from the cache only once the warm-up has
/// loaded them. Measuring starts when they are, or after a bound.
/// </summary>
internal static class CacheWarmth
{
    private const double Warm = 0.99;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    public static async Task<(double Share, TimeSpan Waited)> WaitAsync(GatewayClient client, GraphQLBodies bodies, ServingDataset data, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var share = 0.0;
        while (clock.Elapsed < Bound)
        {
            var chosen = RandomEntities.Distinct(random, 100, data.Entities);
            var answer = await client.PostGraphQLAsync(bodies.Many([.. chosen.Select(ServingDataset.EntityId)], null), cancellationToken);
            var sources = FeatureAnswers.Check(answer, data, chosen, null);
            share = (double)sources.Cache / Math.Max(1, sources.Total);
            if (share >= Warm)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return (share, clock.Elapsed);
    }
}
