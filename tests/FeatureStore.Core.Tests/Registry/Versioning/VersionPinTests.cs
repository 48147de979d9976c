using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Tests.Registry.Versioning;

public sealed class VersionPinTests
{
    [Theory]
    [InlineData("user:booking_rate", null, null, null)]
    [InlineData("user:booking_rate@1", 1, null, null)]
    [InlineData("user:booking_rate@1.2", 1, 2, null)]
    [InlineData("user:booking_rate@1.2.0", 1, 2, 0)]
    [InlineData("user:booking_rate@10.0.7", 10, 0, 7)]
    public void A_reference_parses_into_name_and_pin_and_prints_back(string reference, int? major, int? minor, int? patch)
    {
        var pin = VersionPin.TryParse(reference);

        Assert.Equal(new VersionPin("user:booking_rate", major, minor, patch), pin);
        Assert.Equal(major is null, pin!.IsUnpinned);
        Assert.Equal(reference, pin.ToString());
    }

    [Theory]
    [InlineData("x@")]
    [InlineData("x@a")]
    [InlineData("x@1.2.3.4")]
    [InlineData("x@1.")]
    [InlineData("x@1..2")]
    [InlineData("x@-1")]
    [InlineData("x@1@2")]
    [InlineData("x@ 1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_malformed_reference_is_null(string? reference)
    {
        Assert.Null(VersionPin.TryParse(reference));
    }

    [Theory]
    [InlineData("@1")]
    [InlineData("@1.2.0")]
    public void A_pin_without_a_feature_name_is_malformed(string reference)
    {
        Assert.Null(VersionPin.TryParse(reference));
    }

    [Theory]
    [InlineData("x", "0.1.0", true)]
    [InlineData("x", "7.3.9", true)]
    [InlineData("x@1", "1.0.0", true)]
    [InlineData("x@1", "1.9.3", true)]
    [InlineData("x@1", "2.0.0", false)]
    [InlineData("x@1.2", "1.2.0", true)]
    [InlineData("x@1.2", "1.2.7", true)]
    [InlineData("x@1.2", "1.3.0", false)]
    [InlineData("x@1.2", "2.2.0", false)]
    [InlineData("x@1.2.0", "1.2.0", true)]
    [InlineData("x@1.2.0", "1.2.1", false)]
    public void A_pin_matches_the_versions_it_names(string reference, string version, bool matches)
    {
        Assert.Equal(matches, VersionPin.TryParse(reference)!.Matches(SemanticVersion.Parse(version)));
    }
}
