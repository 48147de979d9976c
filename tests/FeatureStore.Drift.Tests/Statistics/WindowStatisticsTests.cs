using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Tests.Statistics;

public sealed class WindowStatisticsTests
{
    [Fact]
    public void Stored_values_are_read_by_type_with_nulls_and_invalid_ones_counted_apart()
    {
        var sample = SampleReader.Read(new FeatureValueSchema(FeatureValueType.Numeric), Generated.Current,
            new[] { "1", "null", "\"x\"", "3", "2" }.Select(Generated.Json));

        Assert.Equal((5, 1, 1, 3), (sample.Count, sample.NullCount, sample.InvalidCount, sample.UsableCount));
        Assert.Equal([1.0, 3, 2], sample.Numbers);
    }

    [Fact]
    public void Labels_outside_the_declared_set_still_count_for_drift()
    {
        // An undeclared label is a data-quality finding; for drift it is simply a new label in the mix.
        var sample = SampleReader.Read(new FeatureValueSchema(FeatureValueType.Categorical, AllowedValues: ["free"]), Generated.Current,
            new[] { "\"free\"", "\"gold\"", "1" }.Select(Generated.Json));

        Assert.Equal(["free", "gold"], sample.Categories);
        Assert.Equal(1, sample.InvalidCount);
    }

    [Fact]
    public void Statistics_fit_the_value_type()
    {
        var booleans = SampleReader.Read(new FeatureValueSchema(FeatureValueType.Boolean), Generated.Current, new[] { "true", "false", "true", "null" }.Select(Generated.Json));
        var arrays = SampleReader.Read(new FeatureValueSchema(FeatureValueType.Array, ElementType: FeatureValueType.Numeric), Generated.Current, new[] { "[1]", "[1, 2, 3]" }.Select(Generated.Json));
        var vectors = SampleReader.Read(new FeatureValueSchema(FeatureValueType.Vector, Dimension: 2), Generated.Current, new[] { "[3, 4]", "[1, 0]", "[1, 2, 3]" }.Select(Generated.Json));

        var boolean = WindowStatistics.Of(booleans);
        Assert.Equal(new Dictionary<string, int> { ["false"] = 1, ["true"] = 2 }, boolean.Categories);
        Assert.Equal(0.25, boolean.NullRate);
        Assert.Null(boolean.Numbers);

        Assert.Equal(2, WindowStatistics.Of(arrays).Lengths!.Mean);

        // Norms 5 and 1; centroid (2, 2); the three-component value is invalid.
        var vector = WindowStatistics.Of(vectors);
        Assert.Equal((1.0, 5.0), (vector.Norms!.Min, vector.Norms.Max));
        Assert.Equal([2.0, 2.0], vector.Centroid);
        Assert.Equal(1, vector.InvalidCount);
    }
}
