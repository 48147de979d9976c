using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>
/// What users and assistants say in one language, per intent, as templates with slots:
/// {service}, {day}, {time}, {slot}, {price}, {business}, {opens}, {closes}, {address}, {minutes}.
/// </summary>
internal sealed record Phrasebook(
    string Language,
    IReadOnlyDictionary<string, string[]> User,
    string[] UserConfirmsBooking,
    IReadOnlyDictionary<string, string[]> Assistant,
    string[] AssistantOffersSlot,
    string[] AssistantConfirmsBooking,
    string[] DayPhrases,
    string[] TimePhrases,
    string[] Weekdays,
    string[] Months)
{
    public static Phrasebook For(string language) => language == Languages.Spanish ? SpanishPhrases.Book : EnglishPhrases.Book;

    /// <summary>The appointment as the assistant writes it: "el jueves 15 a las 10:30", "on Thursday, January 15 at 10:30 AM".</summary>
    public string Slot(DateTime local) => Language == Languages.Spanish
        ? $"el {Weekdays[(int)local.DayOfWeek]} {Number(local.Day)} a las {Clock(TimeOnly.FromDateTime(local))}"
        : $"on {Weekdays[(int)local.DayOfWeek]}, {Months[local.Month - 1]} {Number(local.Day)} at {Clock(TimeOnly.FromDateTime(local))}";

    /// <summary>A time of day as this language writes it: "19:00", "7:00 PM".</summary>
    public string Clock(TimeOnly time) => Language == Languages.Spanish
        ? $"{Number(time.Hour)}:{Two(time.Minute)}"
        : $"{Number(time.Hour % 12 == 0 ? 12 : time.Hour % 12)}:{Two(time.Minute)} {(time.Hour < 12 ? "AM" : "PM")}";

    public string[] UserTemplates(string intent) => User[intent];

    public string[] AssistantTemplates(string intent) => Assistant[intent];

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Two(int value) => value.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Fails fast if a phrasebook misses an intent (a typo would otherwise surface as a KeyNotFound mid-stream).</summary>
    public static void EnsureComplete(Phrasebook book)
    {
        var missing = Intents.All.Where(i => !book.User.ContainsKey(i) || !book.Assistant.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"phrasebook '{book.Language}' has no phrases for {string.Join(", ", missing)}");
        }
    }
}
