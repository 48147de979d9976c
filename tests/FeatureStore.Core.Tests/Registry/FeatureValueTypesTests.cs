using FeatureStore.Core.Registry;

namespace FeatureStore.Core.Tests.Registry;

public sealed class FeatureValueTypesTests
{
    [Fact]
    public void Every_value_type_round_trips_through_its_wire_name()
    {
        foreach (var type in Enum.GetValues<FeatureValueType>())
        {
            Assert.True(FeatureValueTypes.TryParse(type.ToWireName(), out var parsed));
            Assert.Equal(type, parsed);
        }
    }

    [Fact]
    public void Wire_names_are_the_design_documents_lower_case_names()
    {
        Assert.Equal(["numeric", "boolean", "categorical", "array", "json", "vector"], FeatureValueTypes.WireNames);
    }

    [Theory]
    [InlineData("Numeric")]
    [InlineData("float")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_or_miscased_names_do_not_parse(string? name)
    {
        Assert.False(FeatureValueTypes.TryParse(name, out var parsed));
        Assert.Null(parsed);
    }
}
