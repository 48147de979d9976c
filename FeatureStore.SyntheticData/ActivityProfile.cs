namespace FeatureStore.SyntheticData;

/// <summary>
/// When people write, by local hour: little at night, a morning peak, a dip at lunch, an evening
/// peak. Conversations start at a local time drawn from it, in the tenant's time zone.
/// </summary>
internal static class ActivityProfile
{
    private static readonly double[] ByLocalHour =
    [
        1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.0, 2.0, 4.0, 6.0, 7.0, 7.0,
        6.0, 5.5, 6.0, 5.5, 5.0, 6.0, 7.0, 7.0, 6.0, 4.0, 3.0, 2.0,
    ];

    /// <summary>
    /// A start near <paramref name="nominal"/> (same local date) at a likely local hour, whole
    /// milliseconds, such that [start, start + footprint] lies in [windowStart, windowEnd).
    /// </summary>
    public static DateTimeOffset Start(SeededRandom random, TimeZoneInfo zone, DateTimeOffset nominal, TimeSpan footprint, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var localDate = TimeZoneInfo.ConvertTime(nominal, zone).Date;
        var local = localDate.AddHours(random.Weighted(ByLocalHour)).AddMilliseconds(random.Next(3_600_000));
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);    // the hour skipped when clocks go forward
        }

        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        var latest = windowEnd - footprint - TimeSpan.FromMilliseconds(1);
        if (start < windowStart || start > latest)
        {
            start = nominal < windowStart ? windowStart : nominal > latest ? latest : nominal;
        }

        return start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
