using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Measuring;

namespace FeatureStore.Benchmarks.Gateway;

/// <summary>
/// The gateway measures: 1 user and 100 users, each with all F features, now and as of a random
/// instant; users drawn uniformly. Every answer is checked value by value and its sources tallied
/// (how much of "now" the in-process cache answered).
/// </summary>
internal sealed class GatewayProbes(GatewayClient client, GraphQLBodies bodies, ServingDataset data)
{
    public const string One = "gateway: 1 x F now";
    public const string Hundred = "gateway: 100 x F now";
    public const string OneAsOf = "gateway: 1 x F asOf";
    public const string HundredAsOf = "gateway: 100 x F asOf";

    private readonly Dictionary<string, SourceTally> _tallies = new(StringComparer.Ordinal)
    {
        [One] = new(), [Hundred] = new(), [OneAsOf] = new(), [HundredAsOf] = new(),
    };

    public SourceCounts Sources(string probe) => _tallies[probe].Counts;

    public void ResetSources()
    {
        foreach (var tally in _tallies.Values)
        {
            tally.Reset();
        }
    }

    public IEnumerable<Probe> Probes(int manyEntities)
    {
        yield return Make(One, 1, asOf: false);
        yield return Make(Hundred, manyEntities, asOf: false);
        yield return Make(OneAsOf, 1, asOf: true);
        yield return Make(HundredAsOf, manyEntities, asOf: true);
    }

    public Probe Make(string name, int entities, bool asOf) => new(name, random =>
    {
        var chosen = RandomEntities.Distinct(random, entities, data.Entities);
        long? instant = asOf ? data.FirstInstantWithAllValues + random.NextInt64(data.End - data.FirstInstantWithAllValues) : null;
        var at = instant is { } micros ? ServingDataset.Instant(micros) : (DateTimeOffset?)null;
        var body = entities == 1
            ? bodies.One(ServingDataset.EntityId(chosen[0]), at)
            : bodies.Many([.. chosen.Select(ServingDataset.EntityId)], at);
        byte[] answer = [];
        return new Call(
            async ct => answer = await client.PostGraphQLAsync(body, ct),
            () => _tallies[name].Add(FeatureAnswers.Check(answer, data, chosen, instant)));
    });
}
