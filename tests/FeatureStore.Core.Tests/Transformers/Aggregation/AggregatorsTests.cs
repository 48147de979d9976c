using System.Text.Json;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Transformers.Aggregation;

namespace FeatureStore.Core.Tests.Transformers.Aggregation;

/// <summary>Each aggregation's value, worked out by hand.</summary>
public sealed class AggregatorsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("count", null, "5")]
    [InlineData("sum", null, "10")]
    [InlineData("avg", null, "2.5")]
    [InlineData("min", null, "1")]
    [InlineData("max", null, "4")]
    [InlineData("distinct_count", null, "4")]
    [InlineData("latest", null, "4")]
    [InlineData("count", "1h", "3")]
    [InlineData("avg", "1h", "3.5")]
    [InlineData("sum", "30m", "4")]
    public void Numeric_aggregations_over_a_window_or_all_history(string aggregation, string? window, string expected)
    {
        // Values 1, 2, 3, null, 4 at T0-3h, -2h, -45m, -40m, -10m; the null counts only for count.
        var rows = Rows((-180, 1), (-120, 2), (-45, 3), (-40, null), (-10, 4));

        var value = Aggregators.Compute(Spec(aggregation, window), rows, T0);

        Assert.Equal(expected, value.GetRawText());
    }

    [Fact]
    public void Rows_after_the_instant_never_count_and_the_window_excludes_its_start()
    {
        var rows = Rows((-60, 1), (-59, 2), (0, 3), (1, 100));

        Assert.Equal("2", Aggregators.Compute(Spec("count", "1h"), rows, T0).GetRawText());
        Assert.Equal("5", Aggregators.Compute(Spec("sum", "1h"), rows, T0).GetRawText());
    }

    [Fact]
    public void Average_is_float_division_and_nothing_to_aggregate_is_null_but_counts_are_zero()
    {
        Assert.Equal(7.0 / 3, Aggregators.Compute(Spec("avg"), Rows((-3, 2), (-2, 2), (-1, 3)), T0).GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, Aggregators.Compute(Spec("avg"), [], T0).ValueKind);
        Assert.Equal(JsonValueKind.Null, Aggregators.Compute(Spec("mode"), Rows((-1, null)), T0).ValueKind);
        Assert.Equal("0", Aggregators.Compute(Spec("count"), [], T0).GetRawText());
        Assert.Equal("0", Aggregators.Compute(Spec("distinct_count"), [], T0).GetRawText());
    }

    [Fact]
    public void Mode_is_the_most_frequent_value_and_a_tie_goes_to_the_most_recent()
    {
        var rows = Texts((-5, "pricing"), (-4, "booking"), (-3, "pricing"), (-2, "booking"), (-1, "hours"));

        Assert.Equal("\"booking\"", Aggregators.Compute(Spec("mode"), rows, T0).GetRawText());
        Assert.Equal("\"pricing\"", Aggregators.Compute(Spec("mode"), rows.Take(3), T0).GetRawText());
    }

    [Fact]
    public void Ordered_array_is_oldest_first_and_a_limit_keeps_the_most_recent()
    {
        var rows = Rows((-4, 5), (-1, 2), (-3, 4), (-2, 3));

        Assert.Equal("[5,4,3,2]", Aggregators.Compute(Spec("ordered_array"), rows, T0).GetRawText());
        Assert.Equal("[2,3,4]", Aggregators.Compute(Spec("ordered_array", parameters: new() { ["limit"] = "3", ["order"] = "desc" }), rows, T0).GetRawText());
        Assert.Equal("[]", Aggregators.Compute(Spec("ordered_array"), [], T0).GetRawText());
    }

    [Fact]
    public void Distribution_gives_each_value_its_share_in_ordinal_key_order()
    {
        var rows = Texts((-4, "pricing"), (-3, "booking"), (-2, "pricing"), (-1, "hours"));

        Assert.Equal("""{"booking":0.25,"hours":0.25,"pricing":0.5}""", Aggregators.Compute(Spec("distribution"), rows, T0).GetRawText());
    }

    [Fact]
    public void Centroid_is_the_component_wise_mean_and_mixed_dimensions_are_refused()
    {
        var rows = new[] { Vector(-2, 1, 0), Vector(-1, 0, 1) };

        Assert.Equal("[0.5,0.5]", Aggregators.Compute(Spec("centroid"), rows, T0).GetRawText());
        Assert.Throws<ArgumentException>(() => Aggregators.Compute(Spec("centroid"), [.. rows, Vector(-1, 1)], T0));
    }

    [Fact]
    public void A_non_number_in_a_numeric_aggregation_is_refused_not_guessed()
    {
        Assert.Throws<ArgumentException>(() => Aggregators.Compute(Spec("sum"), Texts((-1, "3")), T0));
    }

    [Fact]
    public void Ratio_is_float_division_and_unknown_without_a_denominator()
    {
        Assert.Equal("0.25", Aggregators.Ratio(1, 4).GetRawText());
        Assert.Equal(JsonValueKind.Null, Aggregators.Ratio(3, 0).ValueKind);
    }

    private static ComputationSpec Spec(string aggregation, string? window = null, Dictionary<string, string>? parameters = null) =>
        new("messages", aggregation, "field", window is null ? null : TimeSpan.Parse(window.Replace("h", ":00:00", StringComparison.Ordinal).Replace("30m", "00:30:00", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, string>(), parameters ?? []);

    private static List<SourceValue> Rows(params (int Minutes, double? Value)[] rows) =>
        [.. rows.Select(r => new SourceValue(T0.AddMinutes(r.Minutes), JsonSerializer.SerializeToElement(r.Value)))];

    private static List<SourceValue> Texts(params (int Minutes, string Value)[] rows) =>
        [.. rows.Select(r => new SourceValue(T0.AddMinutes(r.Minutes), JsonSerializer.SerializeToElement(r.Value)))];

    private static SourceValue Vector(int minutes, params double[] components) => new(T0.AddMinutes(minutes), JsonSerializer.SerializeToElement(components));
}
