using System.Text.Json;
using FeatureStore.Core.Computation;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Sources;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Tests.Computation;

/// <summary>
/// Every catalog feature (features/), computed by <see cref="FeatureComputer"/> on a small hand-made
/// TIS TIS dataset, against the value worked out by hand in each test.
/// </summary>
public sealed class CatalogFeatureValuesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, FeatureSpec> Catalog = DefinitionFiles.Load(RepositoryPaths.Features).Specs.ToDictionary(s => s.Name);
    private readonly FeatureComputer _computer = new(new HashingEmbedder());

    // Conversation c1 (Spanish, booked) and c2 (English, pricing) of user u1 of tenant t1.
    private static readonly Message M1 = new("m1", "c1", "t1", "u1", MessageRole.User, "Hola, ¿tienen citas para mañana?", T("2026-03-01T10:00:00Z"), null, "booking", "es");
    private static readonly Message M2 = new("m2", "c1", "t1", "u1", MessageRole.Assistant, "Sí, tenemos a las 10.", T("2026-03-01T10:00:02Z"), 2000, null, "es");
    private static readonly Message M3 = new("m3", "c1", "t1", "u1", MessageRole.User, "Perfecto, muchas gracias", T("2026-03-01T10:01:00Z"), null, "booking", "es");
    private static readonly Message M4 = new("m4", "c1", "t1", "u1", MessageRole.Assistant, "Listo, reservado.", T("2026-03-01T10:01:04Z"), 4000, null, "es");
    private static readonly Message M5 = new("m5", "c2", "t1", "u1", MessageRole.User, "How much is a haircut?", T("2026-03-05T10:00:00Z"), null, "pricing", "en");
    private static readonly Message M6 = new("m6", "c2", "t1", "u1", MessageRole.Assistant, "It is 20 dollars.", T("2026-03-05T10:00:03Z"), 3000, null, "en");
    private static readonly Message[] Messages = [M1, M2, M3, M4, M5, M6];
    private static readonly Conversation[] Conversations = [new("c1", "t1", "u1", T("2026-03-01T10:00:00Z"), "whatsapp"), new("c2", "t1", "u1", T("2026-03-05T10:00:00Z"), "web")];
    private static readonly Feedback[] Feedback = [new("f1", "t1", "u1", "c1", null, 5, T("2026-03-01T11:00:00Z")), new("f2", "t1", "u1", "c2", "m6", 3, T("2026-03-05T11:00:00Z"))];
    private static readonly Booking[] Bookings = [new("b1", "t1", "u1", "c1", T("2026-03-01T10:02:00Z"), T("2026-03-02T10:00:00Z"), "haircut")];

    private static readonly EntitySources Conversation1 = new([M1, M2, M3, M4], [Conversations[0]], [Feedback[0]], [Bookings[0]]);
    private static readonly EntitySources Tenant1 = new(Messages, Conversations, Feedback, Bookings);
    private static readonly EntitySources User1 = Tenant1;

    [Theory]
    [InlineData("conv:message_count", "c1", "4")]                       // m1..m4
    [InlineData("conv:avg_response_time_ms", "c1", "3000")]             // (2000 + 4000) / 2, assistant only
    [InlineData("conv:intent_sequence", "c1", """["booking","booking"]""")] // user messages, oldest first
    [InlineData("user:total_conversations", "u1", "2")]
    [InlineData("user:booking_rate", "u1", "0.5")]                      // 1 booking / 2 conversations
    [InlineData("user:preferred_intent", "u1", "\"booking\"")]          // booking twice, pricing once
    [InlineData("user:satisfaction_history", "u1", "[3,5]")]            // newest first
    [InlineData("tenant:message_volume_24h", "t1", "2")]                // m5, m6 are within (03-05 00:00, 03-06 00:00]
    [InlineData("tenant:avg_satisfaction_7d", "t1", "4")]               // (5 + 3) / 2
    public async Task Aggregated_features_have_their_hand_worked_values(string feature, string entity, string expected)
    {
        var value = await ComputeAsync(feature, entity, entity == "c1" ? Conversation1 : entity == "u1" ? User1 : Tenant1);

        Assert.Equal(expected, value.GetRawText());
    }

    [Fact]
    public async Task Intent_distribution_is_each_intents_share_of_the_users_messages()
    {
        var value = await ComputeAsync("tenant:intent_distribution_7d", "t1", Tenant1);

        Assert.Equal(2.0 / 3, value.GetProperty("booking").GetDouble(), 12);
        Assert.Equal(1.0 / 3, value.GetProperty("pricing").GetDouble(), 12);
        Assert.Equal(2, value.EnumerateObject().Count());
    }

    [Fact]
    public async Task Message_text_features_use_the_core_transformers()
    {
        Assert.Equal("true", (await ComputeAsync("msg:contains_question", "m1", Single(M1))).GetRawText());
        Assert.Equal("true", (await ComputeAsync("msg:contains_question", "m5", Single(M5))).GetRawText());
        Assert.Equal("false", (await ComputeAsync("msg:contains_question", "m3", Single(M3))).GetRawText());
        // cl100k_base: "How", " much", " is", " a", " haircut", "?"
        Assert.Equal("6", (await ComputeAsync("msg:token_count", "m5", Single(M5))).GetRawText());
        Assert.True((await ComputeAsync("msg:sentiment", "m3", Single(M3))).GetDouble() > 0.5);
        Assert.Equal(0, (await ComputeAsync("msg:sentiment", "m1", Single(M1))).GetDouble());
    }

    [Fact]
    public async Task The_classifiers_context_features_read_the_messages_place_in_its_conversation_and_its_tenant()
    {
        // Madrid is UTC+1 in early March: m1 (10:00:00Z) is 11:00 on Sunday 2026-03-01, inside 09:00-19:00.
        var context = new EntitySources([M1, M2, M3, M4], [], [], []) { Tenant = new Tenant("t1", "Salón Luna", "Europe/Madrid", new TimeOnly(9, 0), new TimeOnly(19, 0), "es") };
        var closed = context with { Tenant = context.Tenant! with { OpensAt = new TimeOnly(12, 0) } };

        Assert.Equal("11", (await ComputeAsync("msg:hour_of_day", "m1", context)).GetRawText());
        Assert.Equal("7", (await ComputeAsync("msg:day_of_week", "m1", context)).GetRawText());
        Assert.Equal("true", (await ComputeAsync("msg:in_business_hours", "m1", context)).GetRawText());
        Assert.Equal("false", (await ComputeAsync("msg:in_business_hours", "m1", closed)).GetRawText());
        Assert.Equal(JsonValueKind.Null, (await ComputeAsync("msg:seconds_since_previous", "m1", context)).ValueKind); // the first message
        Assert.Equal("58", (await ComputeAsync("msg:seconds_since_previous", "m3", context)).GetRawText());             // m2 at 10:00:02, m3 at 10:01:00
        Assert.Equal("4", (await ComputeAsync("msg:seconds_since_previous", "m4", context)).GetRawText());
        Assert.Equal(JsonValueKind.Null, (await ComputeAsync("msg:previous_intent", "m1", context)).ValueKind);
        Assert.Equal("\"booking\"", (await ComputeAsync("msg:previous_intent", "m3", context)).GetRawText());         // m1's, the previous user message
        Assert.Equal("\"booking\"", (await ComputeAsync("msg:previous_intent", "m4", context)).GetRawText());         // m3's
    }

    [Fact]
    public async Task Sentiment_trajectory_is_the_message_sentiment_of_each_user_message_in_order()
    {
        var value = await ComputeAsync("conv:sentiment_trajectory", "c1", Conversation1);

        Assert.Equal([SentimentScorer.Score(M1.Text), SentimentScorer.Score(M3.Text)], value.EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task Embeddings_and_the_tenant_centroid_come_from_the_configured_provider()
    {
        var dimension = Catalog["msg:embedding"].Value.Dimension!.Value;

        var embedding = await ComputeAsync("msg:embedding", "m1", Single(M1));
        var centroid = await ComputeAsync("tenant:embedding_centroid", "t1", Tenant1);

        Assert.Equal(HashingEmbedder.Embed(M1.Text, dimension), embedding.EnumerateArray().Select(v => v.GetSingle()));
        var expected = Enumerable.Range(0, dimension).Select(i => Messages.Average(m => (double)HashingEmbedder.Embed(m.Text, dimension)[i])).ToArray();
        Assert.Equal(expected, centroid.EnumerateArray().Select(v => v.GetDouble()), new Tolerance(1e-6));
    }

    [Fact]
    public async Task Nothing_after_the_instant_is_seen()
    {
        var before = T("2026-03-01T10:00:01Z"); // m1 only: m2 is sent a second later

        Assert.Equal("1", (await _computer.ComputeAsync(Catalog["conv:message_count"], "c1", Conversation1, before, CancellationToken.None)).GetRawText());
        Assert.Equal(JsonValueKind.Null, (await _computer.ComputeAsync(Catalog["msg:sentiment"], "m3", Single(M3), before, CancellationToken.None)).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _computer.ComputeAsync(Catalog["user:booking_rate"], "u1", EntitySources.Empty, At, CancellationToken.None)).ValueKind);
    }

    [Fact]
    public void Every_catalog_feature_has_an_implementation()
    {
        Assert.Equal(21, Catalog.Count); // the 16 of the catalog and the classifier's five context features
        Assert.All(Catalog.Values, spec => _ = _computer.ComputeAsync(spec, "x", EntitySources.Empty, At, CancellationToken.None).GetAwaiter().GetResult());
    }

    private Task<JsonElement> ComputeAsync(string feature, string entity, EntitySources sources) =>
        _computer.ComputeAsync(Catalog[feature], entity, sources, At, CancellationToken.None);

    private static EntitySources Single(Message message) => new([message], [], [], []);

    private static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
