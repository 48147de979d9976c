namespace FeatureStore.Core.Transformers.Temporal;

/// <summary>Seconds between an event and the one before it (e.g. a message and the previous message of its conversation).</summary>
public static class TimeSincePrevious
{
    /// <summary>Seconds from the latest of <paramref name="earlier"/> strictly before <paramref name="at"/> to <paramref name="at"/>; null for the first event.</summary>
    public static double? Seconds(IEnumerable<DateTimeOffset> earlier, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        DateTimeOffset? previous = null;
        foreach (var time in earlier)
        {
            if (time < at && (previous is null || time > previous))
            {
                previous = time;
            }
        }

        return previous is { } p ? (at - p).TotalSeconds : null;
    }
}
