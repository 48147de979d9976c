using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Tests.Registry.Versioning;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.2.3", 1, 2, 3)]
    [InlineData("0.0.0", 0, 0, 0)]
    [InlineData("10.20.30", 10, 20, 30)]
    public void Major_minor_patch_parses_and_prints_back(string text, int major, int minor, int patch)
    {
        Assert.True(SemanticVersion.TryParse(text, out var version));
        Assert.Equal(new SemanticVersion(major, minor, patch), version);
        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.0.0")]
    [InlineData("1.00.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("v1.0.0")]
    [InlineData("-1.0.0")]
    [InlineData("+1.0.0")]
    [InlineData(" 1.0.0")]
    [InlineData("1..0")]
    [InlineData("99999999999.0.0")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_three_plain_numbers_is_rejected(string? text)
    {
        Assert.False(SemanticVersion.TryParse(text, out var version));
        Assert.Equal(default, version);
    }

    [Fact]
    public void Parse_throws_a_format_exception_naming_the_text()
    {
        var error = Assert.Throws<FormatException>(() => SemanticVersion.Parse("1.0"));

        Assert.Equal("'1.0' is not a version of the form MAJOR.MINOR.PATCH", error.Message);
    }

    [Fact]
    public void Versions_order_by_major_then_minor_then_patch_numerically()
    {
        string[] texts = ["1.10.0", "2.0.0", "1.9.9", "1.0.0", "1.0.10", "1.0.2", "0.99.99"];

        var ordered = texts.Select(SemanticVersion.Parse).Order().Select(v => v.ToString());

        Assert.Equal(["0.99.99", "1.0.0", "1.0.2", "1.0.10", "1.9.9", "1.10.0", "2.0.0"], ordered);
        Assert.True(SemanticVersion.Parse("1.10.0") > SemanticVersion.Parse("1.9.9"));
        Assert.True(SemanticVersion.Parse("1.0.0") <= SemanticVersion.Initial);
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0", ChangeKind.Major)]
    [InlineData("1.2.3", "2.0.0", ChangeKind.Major)]
    [InlineData("1.2.3", "3.1.0", ChangeKind.Major)]
    [InlineData("1.0.0", "1.1.0", ChangeKind.Minor)]
    [InlineData("1.0.5", "1.1.0", ChangeKind.Minor)]
    [InlineData("1.0.0", "1.0.1", ChangeKind.Patch)]
    [InlineData("1.0.0", "1.0.0", null)]
    [InlineData("1.1.0", "1.0.9", null)]
    [InlineData("2.0.0", "1.9.9", null)]
    public void BumpFrom_names_the_kind_of_an_increase_and_null_otherwise(string from, string to, ChangeKind? expected)
    {
        Assert.Equal(expected, SemanticVersion.Parse(to).BumpFrom(SemanticVersion.Parse(from)));
    }

    [Theory]
    [InlineData(ChangeKind.Major, "2.0.0")]
    [InlineData(ChangeKind.Minor, "1.3.0")]
    [InlineData(ChangeKind.Patch, "1.2.4")]
    public void Next_is_the_smallest_version_carrying_the_bump(ChangeKind kind, string expected)
    {
        Assert.Equal(expected, new SemanticVersion(1, 2, 3).Next(kind).ToString());
    }

    [Fact]
    public void The_initial_version_is_1_0_0()
    {
        Assert.Equal(new SemanticVersion(1, 0, 0), SemanticVersion.Initial);
    }
}
