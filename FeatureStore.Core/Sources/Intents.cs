namespace FeatureStore.Core.Sources;

/// <summary>
/// The closed list of intents a user message can carry. It is the list the catalog declares
/// (<c>user:preferred_intent</c>'s allowed values, <c>tenant:intent_distribution_7d</c>'s keys), so
/// source data, computations and served values agree; questions about hours or location are
/// <see cref="Information"/>.
/// </summary>
public static class Intents
{
    /// <summary>Hello, good morning.</summary>
    public const string Greeting = "greeting";

    /// <summary>Asking for, confirming or changing an appointment.</summary>
    public const string Booking = "booking";

    /// <summary>Prices, promotions, payment methods.</summary>
    public const string Pricing = "pricing";

    /// <summary>A problem with an account, payment or confirmation.</summary>
    public const string Support = "support";

    /// <summary>Unhappy with the service.</summary>
    public const string Complaint = "complaint";

    /// <summary>Cancelling an appointment.</summary>
    public const string Cancellation = "cancellation";

    /// <summary>Hours, location, parking, what is offered.</summary>
    public const string Information = "information";

    /// <summary>Anything else: thanks, goodbye, small talk.</summary>
    public const string Other = "other";

    /// <summary>Every intent, in the catalog's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Greeting, Booking, Pricing, Support, Complaint, Cancellation, Information, Other];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>True when <paramref name="intent"/> is one of <see cref="All"/> (exact, lower-case).</summary>
    public static bool IsKnown(string? intent) => intent is not null && Known.Contains(intent);
}
