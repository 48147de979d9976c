namespace FeatureStore.Core.Transformers.Temporal;

/// <summary>
/// A tenant's opening hours, on its own clock: whether an instant falls inside them is judged in
/// the tenant's time zone (so 10:00 in Madrid and 10:00 in Mexico City are different instants).
/// Hours that pass midnight (22:00-02:00) belong to the day they open.
/// </summary>
/// <param name="TimeZoneId">IANA time zone, e.g. America/Mexico_City.</param>
/// <param name="Opens">Local opening time.</param>
/// <param name="Closes">Local closing time (exclusive); before <paramref name="Opens"/> when open past midnight.</param>
/// <param name="Days">Days it opens; every day when empty.</param>
public sealed record BusinessHours(string TimeZoneId, TimeOnly Opens, TimeOnly Closes, IReadOnlySet<DayOfWeek> Days)
{
    /// <summary>True when <paramref name="at"/> is within the hours.</summary>
    /// <exception cref="TimeZoneNotFoundException">The time zone is unknown.</exception>
    public bool Contains(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (Opens <= Closes)
        {
            return OpensOn(local.DayOfWeek) && time >= Opens && time < Closes;
        }

        // Open past midnight: late evening belongs to today, early morning to yesterday's opening.
        return (time >= Opens && OpensOn(local.DayOfWeek)) || (time < Closes && OpensOn(local.AddDays(-1).DayOfWeek));
    }

    private bool OpensOn(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);
}
