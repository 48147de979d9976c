using Cronos;

namespace FeatureStore.Core.Registry.Definitions;

/// <summary>When a feature is recomputed: real-time, hourly, daily, weekly, or a five-field cron expression.</summary>
public static class RefreshSchedules
{
    /// <summary>The named schedules.</summary>
    public static IReadOnlyList<string> Named { get; } = ["real-time", "hourly", "daily", "weekly"];

    /// <summary>True for a named schedule or a valid cron expression (minute hour day month weekday).</summary>
    public static bool IsValid(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return false;
        }

        if (Named.Contains(schedule))
        {
            return true;
        }

        try
        {
            CronExpression.Parse(schedule);
            return true;
        }
#pragma warning disable CA1031 // Cronos throws several exception types (CronFormatException, MissingSeedException...) for bad input: all mean "not a valid schedule".
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }
}
