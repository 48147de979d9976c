using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>
/// What users ask, turn after turn: a Markov chain over <see cref="Intents.All"/> (greeting, then
/// pricing or information, then a booking, then thanks...), tilted per tenant so that tenants'
/// intent distributions differ the way real businesses' do.
/// </summary>
internal sealed class IntentChain
{
    // Columns in Intents.All order: greeting, booking, pricing, support, complaint, cancellation, information, other.
    private static readonly double[] First = [0.50, 0.16, 0.10, 0.04, 0.03, 0.04, 0.10, 0.03];

    private static readonly double[][] After =
    [
        /* greeting     */ [0.02, 0.30, 0.22, 0.07, 0.04, 0.06, 0.25, 0.04],
        /* booking      */ [0.00, 0.35, 0.10, 0.03, 0.02, 0.03, 0.12, 0.35],
        /* pricing      */ [0.00, 0.40, 0.15, 0.02, 0.03, 0.00, 0.15, 0.25],
        /* support      */ [0.00, 0.05, 0.02, 0.40, 0.15, 0.05, 0.05, 0.28],
        /* complaint    */ [0.00, 0.02, 0.03, 0.20, 0.40, 0.05, 0.02, 0.28],
        /* cancellation */ [0.00, 0.30, 0.02, 0.05, 0.05, 0.20, 0.03, 0.35],
        /* information  */ [0.00, 0.35, 0.18, 0.03, 0.02, 0.02, 0.20, 0.20],
        /* other        */ [0.02, 0.20, 0.12, 0.05, 0.08, 0.05, 0.15, 0.33],
    ];

    private readonly double[] _first;
    private readonly double[][] _after;

    public IntentChain(SeededRandom tenantRandom)
    {
        var tilt = Intents.All.Select(_ => 0.6 + tenantRandom.NextDouble()).ToArray();
        _first = Tilt(First, tilt);
        _after = [.. After.Select(row => Tilt(row, tilt))];
    }

    /// <summary>The intents of a conversation's user turns, in order.</summary>
    public string[] Sequence(SeededRandom random, int turns)
    {
        var sequence = new string[turns];
        var current = random.Weighted(_first);
        for (var i = 0; i < turns; i++)
        {
            if (i > 0)
            {
                current = random.Weighted(_after[current]);
            }

            sequence[i] = Intents.All[current];
        }

        return sequence;
    }

    private static double[] Tilt(double[] weights, double[] tilt) => [.. weights.Select((w, i) => w * tilt[i])];
}
