using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FeatureStore.Core.Time;

/// <summary>
/// Durations as people write them in definitions: a whole number and a unit, <c>30s</c>, <c>15m</c>,
/// <c>24h</c>, <c>7d</c>, <c>2w</c>. One spelling in files, storage and the API.
/// </summary>
public static class Durations
{
    private static readonly (char Unit, TimeSpan Size)[] Units =
        [('w', TimeSpan.FromDays(7)), ('d', TimeSpan.FromDays(1)), ('h', TimeSpan.FromHours(1)), ('m', TimeSpan.FromMinutes(1)), ('s', TimeSpan.FromSeconds(1))];

    /// <summary>Parses <c>24h</c> and the like; false for anything else, zero and negatives included.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TimeSpan? duration)
    {
        duration = null;
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            return false;
        }

        var unit = Array.FindIndex(Units, u => u.Unit == text[^1]);
        if (unit < 0 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count <= 0 || count > TimeSpan.MaxValue.Ticks / Units[unit].Size.Ticks)
        {
            return false;
        }

        duration = Units[unit].Size * count;
        return true;
    }

    /// <summary>The shortest exact spelling: 1 day is <c>1d</c>, 36 hours <c>36h</c>, 90 seconds <c>90s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        foreach (var (unit, size) in Units)
        {
            if (duration.Ticks % size.Ticks == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / size.Ticks}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds}s");
    }
}
