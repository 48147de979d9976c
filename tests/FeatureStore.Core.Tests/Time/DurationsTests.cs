using FeatureStore.Core.Time;

namespace FeatureStore.Core.Tests.Time;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("15m", 15 * 60)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("7d", 7 * 86400)]
    [InlineData("2w", 14 * 86400)]
    [InlineData("36h", 36 * 3600)]
    [InlineData("90s", 90)]
    public void A_number_and_a_unit_parses(string text, long seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(15 * 60, "15m")]
    [InlineData(24 * 3600, "1d")]
    [InlineData(7 * 86400, "1w")]
    [InlineData(14 * 86400, "2w")]
    [InlineData(36 * 3600, "36h")]
    [InlineData(30 * 86400, "30d")]
    [InlineData(90, "90s")]
    [InlineData(120, "2m")]
    public void Format_writes_the_largest_unit_that_is_exact(long seconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("15m")]
    [InlineData("36h")]
    [InlineData("30d")]
    [InlineData("2w")]
    public void A_canonical_spelling_round_trips(string text)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(text, Durations.Format(duration.Value));
    }

    [Theory]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("+1h")]
    [InlineData("1x")]
    [InlineData("24H")]
    [InlineData("1.5h")]
    [InlineData(" 1h")]
    [InlineData("1 h")]
    [InlineData("24")]
    [InlineData("h")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_positive_whole_number_and_a_known_unit_is_rejected(string? text)
    {
        Assert.False(Durations.TryParse(text, out var duration));
        Assert.Null(duration);
    }

    [Theory]
    [InlineData("99999999999d")]
    [InlineData("9223372036854775807w")]
    public void A_duration_too_long_for_a_TimeSpan_is_rejected_not_thrown(string text)
    {
        Assert.False(Durations.TryParse(text, out var duration));
        Assert.Null(duration);
    }
}
