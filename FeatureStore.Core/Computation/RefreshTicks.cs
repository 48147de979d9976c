using Cronos;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Computation;

/// <summary>
/// The instants a scheduled feature's value is materialized at: hourly on the hour, daily at
/// 00:00 UTC, weekly on Monday 00:00 UTC, or a cron expression's occurrences (UTC). A batch run
/// for tick t writes each value with <c>validFrom</c> t, so re-running it replaces, never adds.
/// </summary>
public static class RefreshTicks
{
    /// <summary>The schedule of features the streaming path keeps current.</summary>
    public const string RealTime = "real-time";

    // How far back to look for a cron expression's previous occurrence, nearest first.
    private static readonly TimeSpan[] CronLookBack = [TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(32), TimeSpan.FromDays(400), TimeSpan.FromDays(4 * 366)];

    /// <summary>True for <c>real-time</c>.</summary>
    public static bool IsRealTime(string refresh) => refresh == RealTime;

    /// <summary>The latest tick at or before <paramref name="at"/>; null if a cron expression had no occurrence in the last four years.</summary>
    /// <exception cref="ArgumentException">A real-time or invalid schedule.</exception>
    public static DateTimeOffset? LatestAtOrBefore(string refresh, DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        switch (refresh)
        {
            case "hourly":
                return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
            case "daily":
                return new DateTimeOffset(utc.Date, TimeSpan.Zero);
            case "weekly":
                var day = new DateTimeOffset(utc.Date, TimeSpan.Zero);
                return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            default:
                var cron = Parse(refresh);
                foreach (var span in CronLookBack)
                {
                    var last = cron.GetOccurrences(utc.UtcDateTime - span, utc.UtcDateTime, fromInclusive: true, toInclusive: true).LastOrDefault();
                    if (last != default)
                    {
                        return new DateTimeOffset(last, TimeSpan.Zero);
                    }
                }

                return null;
        }
    }

    /// <summary>Every tick in (<paramref name="after"/>, <paramref name="upTo"/>], oldest first.</summary>
    /// <exception cref="ArgumentException">A real-time or invalid schedule.</exception>
    public static IReadOnlyList<DateTimeOffset> Between(string refresh, DateTimeOffset after, DateTimeOffset upTo)
    {
        if (refresh is not ("hourly" or "daily" or "weekly"))
        {
            return [.. Parse(refresh).GetOccurrences(after.UtcDateTime, upTo.UtcDateTime, fromInclusive: false, toInclusive: true)
                .Select(tick => new DateTimeOffset(tick, TimeSpan.Zero))];
        }

        var step = refresh switch { "hourly" => TimeSpan.FromHours(1), "daily" => TimeSpan.FromDays(1), _ => TimeSpan.FromDays(7) };
        var ticks = new List<DateTimeOffset>();
        for (var tick = LatestAtOrBefore(refresh, upTo)!.Value; tick > after; tick -= step)
        {
            ticks.Add(tick);
        }

        ticks.Reverse();
        return ticks;
    }

    private static CronExpression Parse(string refresh)
    {
        if (IsRealTime(refresh) || !RefreshSchedules.IsValid(refresh))
        {
            throw new ArgumentException($"'{refresh}' is not a batch schedule (hourly, daily, weekly or cron)", nameof(refresh));
        }

        return CronExpression.Parse(refresh);
    }
}
