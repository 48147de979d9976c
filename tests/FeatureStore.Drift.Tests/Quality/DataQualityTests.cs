using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Values;
using FeatureStore.Drift.Quality;

namespace FeatureStore.Drift.Tests.Quality;

public sealed class DataQualityTests
{
    private static readonly DateTimeOffset AsOf = Generated.Current.End;

    [Fact]
    public void Numeric_values_are_counted_by_their_first_problem()
    {
        var spec = Generated.Spec("user:minutes", new FeatureValueSchema(FeatureValueType.Numeric), timeToLive: TimeSpan.FromDays(1));
        var values = new[] { "12", "null", "\"twelve\"", "-3", "5000", "7" }
            .Select((json, i) => Stored(spec, json, AsOf.AddHours(-(i * 10))));

        var counts = DataQuality.Measure(spec, values, AsOf, new NumericRange(0, 1440));

        // Ages 0, 10, 20, 30, 40, 50 hours: the last three are older than the one-day TTL.
        Assert.Equal(new DataQualityCounts(Total: 6, Missing: 1, OutOfType: 1, OutOfRange: 2, OutOfAllowedSet: 0, Stale: 3, MissingRate: 1.0 / 6), counts);
    }

    [Fact]
    public void Labels_outside_the_declared_set_and_overlong_arrays_are_counted()
    {
        var plan = Generated.Spec("user:plan", new FeatureValueSchema(FeatureValueType.Categorical, AllowedValues: ["free", "pro"]));
        var items = Generated.Spec("user:items", new FeatureValueSchema(FeatureValueType.Array, ElementType: FeatureValueType.Numeric, MaxLength: 2));

        var labels = DataQuality.Measure(plan, new[] { "\"free\"", "\"gold\"", "3" }.Select(j => Stored(plan, j, AsOf)), AsOf);
        var arrays = DataQuality.Measure(items, new[] { "[1]", "[1, 2, 3]", "[\"x\"]" }.Select(j => Stored(items, j, AsOf)), AsOf);

        Assert.Equal((1, 1, 0), (labels.OutOfAllowedSet, labels.OutOfType, labels.Stale));
        Assert.Equal((1, 1), (arrays.OutOfRange, arrays.OutOfType));
    }

    private static StoredValue Stored(FeatureSpec spec, string json, DateTimeOffset validFrom) =>
        new(new FeatureKey(spec.Name, 1, "user", "u1"), "1.0.0", Generated.Json(json), validFrom, null, validFrom);
}
