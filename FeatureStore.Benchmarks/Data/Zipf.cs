namespace FeatureStore.Benchmarks.Data;

/// <summary>
/// Zipf-distributed entities: rank r is drawn with probability proportional to 1 / r^s, and ranks
/// map to entities through a fixed shuffle (the hot users are not simply u0, u1, ...).
/// </summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;
    private readonly int[] _entityOfRank;

    public Zipf(int entities, double exponent, int seed)
    {
        _cumulative = new double[entities];
        var sum = 0.0;
        for (var rank = 1; rank <= entities; rank++)
        {
            sum += 1.0 / Math.Pow(rank, exponent);
            _cumulative[rank - 1] = sum;
        }

        for (var i = 0; i < entities; i++)
        {
            _cumulative[i] /= sum;
        }

        _entityOfRank = [.. Enumerable.Range(0, entities)];
        new Random(seed).Shuffle(_entityOfRank);
    }

    /// <summary>The probability of rank <paramref name="rank"/> (0 is the hottest).</summary>
    public double Probability(int rank) => _cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1]);

    public int Count => _cumulative.Length;

    public int Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        var rank = index >= 0 ? index : Math.Min(~index, _cumulative.Length - 1);
        return _entityOfRank[rank];
    }
}
