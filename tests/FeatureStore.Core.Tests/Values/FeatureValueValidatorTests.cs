using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Tests.Values;

public sealed class FeatureValueValidatorTests
{
    private static readonly FeatureValueSchema Vector3 = new(FeatureValueType.Vector, Dimension: 3);
    private static readonly FeatureValueSchema Intent = new(FeatureValueType.Categorical, AllowedValues: ["booking", "pricing"]);
    private static readonly FeatureValueSchema History = new(FeatureValueType.Array, ElementType: FeatureValueType.Numeric, MaxLength: 2);

    [Theory]
    [InlineData("numeric", "1.5", null)]
    [InlineData("numeric", "\"1.5\"", "must be a number")]
    [InlineData("boolean", "true", null)]
    [InlineData("boolean", "1", "must be true or false")]
    [InlineData("vector", "[0.1, 0.2, 0.3]", null)]
    [InlineData("vector", "[0.1, 0.2]", "must have dimension 3, not 2")]
    [InlineData("vector", "[0.1, \"x\", 0.3]", "must be an array of numbers (a vector)")]
    [InlineData("categorical", "\"booking\"", null)]
    [InlineData("categorical", "\"weather\"", "'weather' is not one of booking, pricing")]
    [InlineData("array", "[4, 5]", null)]
    [InlineData("array", "[4, 5, 1]", "must hold at most 2 elements, not 3")]
    [InlineData("array", "[4, \"x\"]", "element 1 must be a number")]
    [InlineData("array", "[null]", "element 0 must not be null")]
    [InlineData("json", "{\"a\": [1]}", null)]
    [InlineData("numeric", "null", null)]
    public void Values_are_checked_against_their_declared_shape(string kind, string json, string? expected)
    {
        var schema = kind switch
        {
            "vector" => Vector3,
            "categorical" => Intent,
            "array" => History,
            _ => new FeatureValueSchema(FeatureValueTypes.TryParse(kind, out var k) ? k.Value : throw new ArgumentException(kind)),
        };

        Assert.Equal(expected, FeatureValueValidator.Problem(schema, JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void Json_values_are_checked_against_the_declared_json_schema()
    {
        var shares = new FeatureValueSchema(FeatureValueType.Json,
            JsonSchema: """{"type":"object","additionalProperties":{"type":"number","minimum":0,"maximum":1}}""");

        Assert.Null(FeatureValueValidator.Problem(shares, JsonDocument.Parse("""{"booking": 0.25, "pricing": 0.75}""").RootElement));
        var problem = FeatureValueValidator.Problem(shares, JsonDocument.Parse("""{"booking": 2}""").RootElement);
        Assert.NotNull(problem);
        Assert.StartsWith("does not match the feature's JSON Schema: /booking", problem, StringComparison.Ordinal);
    }
}
