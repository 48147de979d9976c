using FeatureStore.Core.Transformers.Temporal;

namespace FeatureStore.Core.Tests.Transformers.Temporal;

public sealed class TemporalTests
{
    private static readonly HashSet<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Theory]
    [InlineData("2026-03-02T15:00:00Z", true)]   // Monday 09:00 in Mexico City (UTC-6): opens at 09:00
    [InlineData("2026-03-02T14:59:59Z", false)]  // 08:59:59
    [InlineData("2026-03-03T00:59:59Z", true)]   // Monday 18:59:59
    [InlineData("2026-03-03T01:00:00Z", false)]  // 19:00, closed (exclusive)
    [InlineData("2026-03-07T17:00:00Z", false)]  // Saturday 11:00
    public void Business_hours_are_judged_on_the_tenants_clock(string instant, bool open)
    {
        var hours = new BusinessHours("America/Mexico_City", new TimeOnly(9, 0), new TimeOnly(19, 0), Weekdays);

        Assert.Equal(open, hours.Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-03-06T22:30:00+01:00", true)]  // Friday 22:30 in Madrid
    [InlineData("2026-03-07T01:30:00+01:00", true)]  // Saturday 01:30: Friday's opening
    [InlineData("2026-03-08T01:30:00+01:00", false)] // Sunday 01:30: Saturday does not open
    [InlineData("2026-03-06T21:59:00+01:00", false)]
    public void Hours_past_midnight_belong_to_the_day_they_open(string instant, bool open)
    {
        var hours = new BusinessHours("Europe/Madrid", new TimeOnly(22, 0), new TimeOnly(2, 0), Weekdays);

        Assert.Equal(open, hours.Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Time_since_previous_is_from_the_latest_earlier_event_and_null_for_the_first()
    {
        var t = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] times = [t, t.AddSeconds(30), t.AddSeconds(95), t.AddSeconds(400)];

        Assert.Null(TimeSincePrevious.Seconds(times, t));
        Assert.Equal(65, TimeSincePrevious.Seconds(times, t.AddSeconds(95)));
        Assert.Equal(5, TimeSincePrevious.Seconds(times, t.AddSeconds(100)));
    }
}
