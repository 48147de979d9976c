using FeatureStore.Core.Sources;

namespace FeatureStore.Postgres.Tests.Sources;

/// <summary>
/// A small dataset whose every row the tests can name. Two tenants (t1, t2), three users (u1, u2
/// of t1; u3 of t2), four conversations. The batch lists rows out of time order, and some share an
/// event time (m1 and m5, c1 and c4), so only the reader's ordering puts them in order.
/// </summary>
public static class HandMadeSources
{
    public static readonly DateTimeOffset Ten = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly Conversation C1 = new("c1", "t1", "u1", Ten, "web");
    public static readonly Conversation C2 = new("c2", "t1", "u2", Ten.AddHours(-1), "whatsapp");
    public static readonly Conversation C3 = new("c3", "t2", "u3", Ten.AddHours(1), "sms");
    public static readonly Conversation C4 = new("c4", "t1", "u1", Ten, "instagram");

    public static readonly Message M1 = new("m1", "c1", "t1", "u1", MessageRole.User, "Hola", Ten, null, Intents.Greeting, "es");
    public static readonly Message M2 = new("m2", "c1", "t1", "u1", MessageRole.Assistant, "¡Hola! ¿En qué te ayudo?", Ten.AddMinutes(1), 1500, null, "es");
    public static readonly Message M3 = new("m3", "c2", "t1", "u2", MessageRole.User, "Precio del corte", Ten.AddHours(-1), null, Intents.Pricing, "es");
    public static readonly Message M4 = new("m4", "c2", "t1", "u2", MessageRole.Assistant, "Son 200 pesos", Ten.AddHours(-1).AddMinutes(2), 2000, null, "es");
    public static readonly Message M5 = new("m5", "c4", "t1", "u1", MessageRole.User, "¿Tienen cita mañana?", Ten, null, Intents.Booking, "es");
    public static readonly Message M6 = new("m6", "c3", "t2", "u3", MessageRole.User, "Hi, are you open?", Ten.AddHours(1), null, null, "en");

    public static readonly Feedback F1 = new("f1", "t1", "u1", "c1", "m2", 5, Ten.AddMinutes(5));
    public static readonly Feedback F2 = new("f2", "t2", "u3", "c3", null, 2, Ten.AddHours(1).AddMinutes(10));

    public static readonly Booking B1 = new("b1", "t1", "u1", "c1", Ten.AddMinutes(6), Ten.AddDays(1), "corte");
    // Made by phone: no conversation.
    public static readonly Booking B2 = new("b2", "t1", "u2", null, Ten.AddHours(-2), Ten.AddDays(2), "tinte");
    public static readonly Booking B3 = new("b3", "t2", "u3", "c3", Ten.AddHours(1).AddMinutes(15), Ten.AddDays(3), "haircut");

    public static SourceBatch Batch { get; } = new(
        [
            new Tenant("t1", "Barbería Norte", "America/Mexico_City", new TimeOnly(9, 0), new TimeOnly(19, 0), "es"),
            new Tenant("t2", "North Cuts", "America/New_York", new TimeOnly(8, 0), new TimeOnly(17, 0), "en"),
        ],
        [new User("u1", "t1", "es", "{}"), new User("u2", "t1", "es", "{}"), new User("u3", "t2", "en", "{}")],
        [C4, C3, C2, C1],
        [M5, M2, M6, M1, M4, M3],
        [F2, F1],
        [B3, B2, B1],
        [new AnalyticsEvent("e1", "t1", null, "page_view", Ten, """{"page":"/"}""")]);
}
