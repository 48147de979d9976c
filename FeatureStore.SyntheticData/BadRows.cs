using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>
/// Deliberately bad messages, for data-quality and bad-row handling tests: rows the tables accept
/// but computations must cope with (empty or blank text, an intent outside <see cref="Intents.All"/>,
/// an assistant message without a response time). Drawn from their own random stream, so turning
/// them on changes no other row.
/// </summary>
internal static class BadRows
{
    private static readonly string[] UnknownIntents = ["refund", "BOOKING", "reservar", "unknown", "Pricing "];

    public static Message Spoil(SeededRandom random, Message message) => message.Role switch
    {
        MessageRole.User => random.Next(3) switch
        {
            0 => message with { Text = "" },
            1 => message with { Text = random.Pick([" ", "   ", "\t", " \n "]) },
            _ => message with { Intent = random.Pick(UnknownIntents) },
        },
        _ => random.Chance(0.5) ? message with { ResponseTimeMs = null } : message with { Text = "" },
    };
}
