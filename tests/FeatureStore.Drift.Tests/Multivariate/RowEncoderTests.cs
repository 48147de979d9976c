using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Drift.Multivariate;

namespace FeatureStore.Drift.Tests.Multivariate;

public sealed class RowEncoderTests
{
    private static readonly RowEncoder Encoder = new(new Dictionary<string, FeatureValueSchema>
    {
        ["user:plan"] = new(FeatureValueType.Categorical, AllowedValues: ["free", "pro"]),
        ["user:minutes"] = new(FeatureValueType.Numeric),
        ["user:embedding"] = new(FeatureValueType.Vector, Dimension: 2),
        ["user:items"] = new(FeatureValueType.Array, ElementType: FeatureValueType.Numeric),
        ["user:profile"] = new(FeatureValueType.Json),
        ["user:tag"] = new(FeatureValueType.Categorical),
        ["user:active"] = new(FeatureValueType.Boolean),
    });

    [Fact]
    public void Columns_are_named_by_feature_and_part_in_feature_order()
    {
        // Json and undeclared categorical features have no numeric form: no columns.
        Assert.Equal(
            ["user:active", "user:active[missing]", "user:embedding[0]", "user:embedding[1]", "user:embedding[missing]",
             "user:items[length]", "user:items[missing]", "user:minutes", "user:minutes[missing]",
             "user:plan[=free]", "user:plan[=pro]", "user:plan[missing]"],
            Encoder.Columns);
    }

    [Fact]
    public void Values_are_encoded_and_missing_or_invalid_ones_flagged()
    {
        var row = Encoder.Encode(new Dictionary<string, JsonElement>
        {
            ["user:active"] = Generated.Json("true"),
            ["user:embedding"] = Generated.Json("[0.5, -1]"),
            ["user:items"] = Generated.Json("null"),
            ["user:minutes"] = Generated.Json("\"twelve\""),
            ["user:plan"] = Generated.Json("\"pro\""),
        });

        Assert.Equal([1, 0, 0.5f, -1, 0, 0, 1, 0, 1, 0, 1, 0], row);
    }

    [Theory]
    [InlineData("user:embedding[12]", "user:embedding")]
    [InlineData("user:plan[=pro]", "user:plan")]
    [InlineData("user:minutes", "user:minutes")]
    public void A_column_belongs_to_the_feature_before_its_bracket(string column, string feature) =>
        Assert.Equal(feature, RowEncoder.FeatureOf(column));
}
