using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Tests;

/// <summary>Seeded random data: every test draws the same numbers on every run.</summary>
internal static class Generated
{
    public static readonly TimeWindow Baseline = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 8, 0, 0, 0, TimeSpan.Zero));
    public static readonly TimeWindow Current = new(Baseline.End, Baseline.End.AddDays(1));

    public static double Gaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double[] Normal(Random random, int count, double mean = 0, double deviation = 1) =>
        Enumerable.Range(0, count).Select(_ => mean + (deviation * random.Gaussian())).ToArray();

    /// <summary>Labels drawn with the given weights (summing to 1), in order of <paramref name="mix"/>.</summary>
    public static string[] Labels(Random random, int count, params (string Label, double Weight)[] mix) =>
        Enumerable.Range(0, count).Select(_ => Pick(random.NextDouble(), mix)).ToArray();

    public static int[] Poisson(Random random, int count, double mean) =>
        Enumerable.Range(0, count).Select(_ => PoissonOne(random, mean)).ToArray();

    /// <summary>A cluster around (1, 0, …) with spread <paramref name="deviation"/> per component, turned by <paramref name="degrees"/> in the first plane.</summary>
    public static float[][] Cluster(Random random, int count, int dimension, double degrees = 0, double deviation = 0.3)
    {
        var (cos, sin) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        return Enumerable.Range(0, count).Select(_ =>
        {
            var v = Enumerable.Range(0, dimension).Select(i => (i == 0 ? 1 : 0) + (deviation * random.Gaussian())).ToArray();
            var (x, y) = ((cos * v[0]) - (sin * v[1]), (sin * v[0]) + (cos * v[1]));
            v[0] = x;
            v[1] = y;
            return v.Select(c => (float)c).ToArray();
        }).ToArray();
    }

    public static FeatureSample NumericSample(IReadOnlyList<double> values, TimeWindow? window = null) =>
        Sample(FeatureValueType.Numeric, window) with { Count = values.Count, Numbers = values };

    public static FeatureSample CategoricalSample(IReadOnlyList<string> labels, TimeWindow? window = null) =>
        Sample(FeatureValueType.Categorical, window) with { Count = labels.Count, Categories = labels };

    public static FeatureSample ArraySample(IReadOnlyList<int> lengths, TimeWindow? window = null) =>
        Sample(FeatureValueType.Array, window) with { Count = lengths.Count, Lengths = lengths };

    public static FeatureSample VectorSample(IReadOnlyList<float[]> vectors, TimeWindow? window = null) =>
        Sample(FeatureValueType.Vector, window) with { Count = vectors.Count, Vectors = vectors };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement Json(double value) => JsonSerializer.SerializeToElement(value);

    public static FeatureSpec Spec(string name, FeatureValueSchema value, TimeSpan? timeToLive = null) =>
        new(name, new Core.Registry.Versioning.SemanticVersion(1, 0, 0), "user", value, null, null, [], Computation, "daily", timeToLive);

    private static readonly ComputationSpec Computation = new("users", "latest", "value", null, new Dictionary<string, string>(), new Dictionary<string, string>());

    private static FeatureSample Sample(FeatureValueType kind, TimeWindow? window) =>
        new(kind, window ?? Current, 0, 0, 0, [], [], [], []);

    private static string Pick(double u, (string Label, double Weight)[] mix)
    {
        foreach (var (label, weight) in mix)
        {
            if (u < weight)
            {
                return label;
            }

            u -= weight;
        }

        return mix[^1].Label;
    }

    private static int PoissonOne(Random random, double mean)
    {
        // Knuth's method: fine for the small means these tests use.
        var limit = Math.Exp(-mean);
        var (k, product) = (0, random.NextDouble());
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }
}
