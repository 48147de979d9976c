using FeatureStore.Core.Computation;

namespace FeatureStore.Core.Tests.Computation;

public sealed class RefreshTicksTests
{
    private static DateTimeOffset T(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("hourly", "2026-11-24T21:37:12+01:00", "2026-11-24T20:00:00Z")]
    [InlineData("hourly", "2026-11-24T20:00:00Z", "2026-11-24T20:00:00Z")]   // a tick is its own latest tick
    [InlineData("daily", "2026-11-24T23:59:59-05:00", "2026-11-25T00:00:00Z")] // UTC days, whatever the offset
    [InlineData("weekly", "2026-11-24T10:00:00Z", "2026-11-23T00:00:00Z")]   // Tuesday -> Monday
    [InlineData("weekly", "2026-11-23T00:00:00Z", "2026-11-23T00:00:00Z")]
    [InlineData("weekly", "2026-11-29T23:00:00Z", "2026-11-23T00:00:00Z")]   // Sunday -> the Monday before
    [InlineData("*/15 * * * *", "2026-11-24T10:44:59Z", "2026-11-24T10:30:00Z")]
    [InlineData("0 6 1 * *", "2026-11-24T10:00:00Z", "2026-11-01T06:00:00Z")] // monthly: looked for further back
    public void The_latest_tick_is_the_schedules_last_occurrence_at_or_before_the_instant(string schedule, string at, string expected) =>
        Assert.Equal(T(expected), RefreshTicks.LatestAtOrBefore(schedule, T(at)));

    [Fact]
    public void Ticks_between_two_instants_exclude_the_start_and_include_the_end_oldest_first()
    {
        Assert.Equal([T("2026-11-24T11:00:00Z"), T("2026-11-24T12:00:00Z")], RefreshTicks.Between("hourly", T("2026-11-24T10:00:00Z"), T("2026-11-24T12:00:00Z")));
        Assert.Equal([T("2026-11-23T00:00:00Z"), T("2026-11-30T00:00:00Z")], RefreshTicks.Between("weekly", T("2026-11-16T00:00:00Z"), T("2026-12-01T12:00:00Z")));
        Assert.Equal([T("2026-11-24T10:30:00Z"), T("2026-11-24T11:00:00Z")], RefreshTicks.Between("*/30 * * * *", T("2026-11-24T10:00:00Z"), T("2026-11-24T11:00:00Z")));
        Assert.Empty(RefreshTicks.Between("daily", T("2026-11-24T00:00:00Z"), T("2026-11-24T23:00:00Z")));
    }

    [Fact]
    public void Real_time_is_not_a_batch_schedule() =>
        Assert.Throws<ArgumentException>(() => RefreshTicks.LatestAtOrBefore("real-time", DateTimeOffset.UtcNow));
}
