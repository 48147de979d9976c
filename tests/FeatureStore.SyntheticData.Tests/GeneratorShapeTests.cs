using System.Text.Json;
using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData.Tests;

/// <summary>The generated traffic looks like TIS TIS traffic: counts, languages, questions, roles, scores, bookings, times.</summary>
public sealed class GeneratorShapeTests
{
    private static readonly TisTisGeneratorOptions Options = new()
    {
        Seed = 42, Tenants = 8, UsersPerTenant = 60, Messages = 6_000, Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), Window = TimeSpan.FromDays(14),
    };

    private static readonly Lazy<Generated> Rows = new(() => Generated.From(new TisTisGenerator(Options)));

    private static Generated Data => Rows.Value;

    [Fact]
    public void Counts_are_the_ones_asked_for_and_ids_are_fixed_width_entity_ids()
    {
        Assert.Equal(8, Data.Tenants.Count);
        Assert.Equal(8 * 60, Data.Users.Count);
        Assert.Equal(6_000 / 8, Data.Conversations.Count);
        Assert.Equal(6_000, Data.Messages.Count);
        Assert.Equal(["t001", "u000001", "c0000001", "m00000001"], [Data.Tenants[0].Id, Data.Users[0].Id, Data.Conversations[0].Id, Data.Messages[0].Id]);
        Assert.Equal("m00006000", Data.Messages[^1].Id);
        foreach (var ids in new[] { Data.Users.Select(u => u.Id), Data.Messages.Select(m => m.Id), Data.Feedback.Select(f => f.Id), Data.Bookings.Select(b => b.Id), Data.Events.Select(e => e.Id) })
        {
            var list = ids.ToList();
            Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(list.Order(StringComparer.Ordinal), list);
        }
    }

    [Fact]
    public void Conversations_vary_in_length_around_the_requested_average()
    {
        var lengths = Data.Messages.GroupBy(m => m.ConversationId).Select(g => g.Count()).ToList();

        Assert.Equal(Data.Conversations.Count, lengths.Count);
        Assert.InRange(lengths.Min(), 1, 4);
        Assert.InRange(lengths.Max(), 16, 40);
        Assert.InRange(lengths.Average(), 7.9, 8.1);
    }

    [Fact]
    public void Tenants_span_time_zones_with_business_hours_and_both_languages()
    {
        Assert.Equal(
            ["America/Argentina/Buenos_Aires", "America/Bogota", "America/Chicago", "America/Lima", "America/Los_Angeles", "America/Mexico_City", "America/New_York", "Europe/Madrid"],
            Data.Tenants.Select(t => t.TimeZone).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Data.Tenants, t => Assert.True(t.OpensAt < t.ClosesAt, $"{t.Id} opens {t.OpensAt} and closes {t.ClosesAt}"));
        Assert.All(Data.Tenants, t => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(t.TimeZone)));
        Assert.Equal(["en", "es"], Data.Tenants.Select(t => t.Language).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Users_have_preferences_as_json_objects_and_some_prefer_the_other_language()
    {
        Assert.All(Data.Users, u =>
        {
            using var preferences = JsonDocument.Parse(u.PreferencesJson);
            Assert.Equal(u.PreferredLanguage, preferences.RootElement.GetProperty("language").GetString());
            Assert.Equal(JsonValueKind.String, preferences.RootElement.GetProperty("favorite_service").ValueKind);
        });
        var tenantLanguage = Data.Tenants.ToDictionary(t => t.Id, t => t.Language);
        var others = Data.Users.Count(u => u.PreferredLanguage != tenantLanguage[u.TenantId]);
        Assert.InRange(others, Data.Users.Count / 50, Data.Users.Count / 4);
    }

    [Fact]
    public void Both_languages_are_present_with_spanish_and_english_questions()
    {
        var spanish = Data.Messages.Where(m => m.Language == "es").ToList();
        var english = Data.Messages.Where(m => m.Language == "en").ToList();

        Assert.InRange(spanish.Count, Data.Messages.Count * 0.4, Data.Messages.Count * 0.9);
        Assert.InRange(english.Count, Data.Messages.Count * 0.1, Data.Messages.Count * 0.6);
        Assert.Contains(spanish, m => m.Role == MessageRole.User && m.Text.StartsWith('¿') && m.Text.EndsWith('?'));
        Assert.Contains(spanish, m => m.Role == MessageRole.Assistant && m.Text.Contains('¿', StringComparison.Ordinal) && m.Text.EndsWith('?'));
        Assert.Contains(spanish, m => m.Text.Contains('á', StringComparison.Ordinal) || m.Text.Contains('ó', StringComparison.Ordinal));
        Assert.Contains(english, m => m.Role == MessageRole.User && m.Text.EndsWith('?'));
        Assert.DoesNotContain(english, m => m.Text.Contains('¿', StringComparison.Ordinal));
        // Statements too, not only questions; and the occasional emoji (characters beyond the BMP).
        Assert.InRange(Data.Messages.Count(m => m.Role == MessageRole.User && m.Text.Contains('?', StringComparison.Ordinal)), Data.Messages.Count / 10, Data.Messages.Count / 2);
        Assert.Contains(Data.Messages, m => m.Text.Any(char.IsSurrogate));
        Assert.DoesNotContain(Data.Messages, m => m.Text.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public void Assistant_messages_have_response_times_and_user_messages_have_intents()
    {
        var user = Data.Messages.Where(m => m.Role == MessageRole.User).ToList();
        var assistant = Data.Messages.Where(m => m.Role == MessageRole.Assistant).ToList();

        Assert.All(user, m => Assert.Null(m.ResponseTimeMs));
        Assert.All(assistant, m => Assert.InRange(m.ResponseTimeMs ?? -1, 150, 60_000));
        Assert.All(assistant, m => Assert.Null(m.Intent));
        Assert.All(user, m => Assert.True(m.Intent is null || Intents.IsKnown(m.Intent), m.Intent));
        Assert.Equal(Intents.All.Order(StringComparer.Ordinal), user.Where(m => m.Intent is not null).Select(m => m.Intent!).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(user.Count(m => m.Intent is null), 1, user.Count / 10);
        // Skewed like real latencies: the mean above the median, a long tail.
        var times = assistant.Select(m => (double)m.ResponseTimeMs!.Value).Order().ToList();
        var median = times[times.Count / 2];
        Assert.InRange(median, 900, 2_200);
        Assert.True(times.Average() > median, "mean above median");
        Assert.True(times[(int)(times.Count * 0.97)] > 3 * median, "a long tail");
    }

    [Fact]
    public void Each_conversation_alternates_user_and_assistant_in_time_order_and_starts_with_its_first_message()
    {
        var conversations = Data.Conversations.ToDictionary(c => c.Id);
        foreach (var messages in Data.Messages.GroupBy(m => m.ConversationId))
        {
            var list = messages.ToList();
            var conversation = conversations[messages.Key];
            Assert.Equal(conversation.StartedAt, list[0].SentAt);
            Assert.All(list, m => Assert.Equal((conversation.TenantId, conversation.UserId), (m.TenantId, m.UserId)));
            for (var i = 0; i < list.Count; i++)
            {
                Assert.Equal(i % 2 == 0 ? MessageRole.User : MessageRole.Assistant, list[i].Role);
                if (i > 0)
                {
                    Assert.True(list[i].SentAt >= list[i - 1].SentAt, $"{list[i].Id} before {list[i - 1].Id}");
                }

                if (list[i].Role == MessageRole.Assistant)
                {
                    Assert.Equal((list[i].SentAt - list[i - 1].SentAt).TotalMilliseconds, list[i].ResponseTimeMs!.Value);
                }
            }
        }
    }

    [Fact]
    public void Feedback_scores_are_1_to_5_on_conversations_and_on_assistant_messages()
    {
        var messages = Data.Messages.ToDictionary(m => m.Id);
        var conversations = Data.Conversations.ToDictionary(c => c.Id);

        Assert.All(Data.Feedback, f => Assert.InRange(f.Satisfaction, 1, 5));
        Assert.Equal([1, 2, 3, 4, 5], Data.Feedback.Select(f => f.Satisfaction).Distinct().Order());
        Assert.InRange(Data.Feedback.Count(f => f.MessageId is null), Data.Conversations.Count / 5, Data.Conversations.Count / 2);
        Assert.Contains(Data.Feedback, f => f.MessageId is not null);
        Assert.All(Data.Feedback.Where(f => f.MessageId is not null), f =>
        {
            var message = messages[f.MessageId!];
            Assert.Equal((MessageRole.Assistant, f.ConversationId), (message.Role, message.ConversationId));
            Assert.True(f.GivenAt > message.SentAt);
        });
        Assert.All(Data.Feedback, f => Assert.True(f.GivenAt > conversations[f.ConversationId].StartedAt));
        // Complaints are rated lower than the rest.
        var complained = Data.Messages.Where(m => m.Intent == Intents.Complaint).Select(m => m.ConversationId).ToHashSet();
        var overall = Data.Feedback.Where(f => f.MessageId is null).ToList();
        Assert.True(overall.Where(f => complained.Contains(f.ConversationId)).Average(f => f.Satisfaction) + 0.8 < overall.Where(f => !complained.Contains(f.ConversationId)).Average(f => f.Satisfaction));
    }

    [Fact]
    public void Some_conversations_lead_to_a_booking_made_after_they_started()
    {
        var conversations = Data.Conversations.ToDictionary(c => c.Id);
        var booked = Data.Bookings.Where(b => b.ConversationId is not null).ToList();
        // Asked for a booking (or the classifier missed the intent of the turn that did).
        var bookingIntent = Data.Messages.Where(m => m.Role == MessageRole.User && m.Intent is Intents.Booking or null).Select(m => m.ConversationId).ToHashSet();

        Assert.InRange(booked.Count, Data.Conversations.Count / 20, Data.Conversations.Count * 2 / 5);
        Assert.All(booked, b =>
        {
            var conversation = conversations[b.ConversationId!];
            Assert.True(b.BookedAt > conversation.StartedAt, $"{b.Id} booked before {conversation.Id} started");
            Assert.Equal((conversation.TenantId, conversation.UserId), (b.TenantId, b.UserId));
            Assert.Contains(b.ConversationId!, bookingIntent);
        });
        Assert.Contains(Data.Bookings, b => b.ConversationId is null);
        Assert.All(Data.Bookings, b => Assert.True(b.ScheduledFor > b.BookedAt));
        Assert.Equal(booked.Count, booked.Select(b => b.ConversationId).Distinct().Count());
        var confirmed = Data.Events.Where(e => e.Kind == "booking_confirmed").Select(e => BookingId(e.PropertiesJson)).ToList();
        Assert.Equal(booked.Select(b => b.Id), confirmed);
    }

    [Fact]
    public void Every_timestamp_falls_in_the_requested_window()
    {
        AssertInWindow(Data, Options);
        // Most conversations start in the tenant's local daytime.
        var zones = Data.Tenants.ToDictionary(t => t.Id, t => TimeZoneInfo.FindSystemTimeZoneById(t.TimeZone));
        var localHours = Data.Conversations.Select(c => TimeZoneInfo.ConvertTime(c.StartedAt, zones[c.TenantId]).Hour).ToList();
        Assert.True(localHours.Count(h => h is >= 8 and < 22) > 5 * localHours.Count(h => h < 6), "daytime traffic dominates");
    }

    [Fact]
    public void A_window_of_one_hour_still_holds_every_timestamp()
    {
        var options = new TisTisGeneratorOptions { Seed = 3, Tenants = 2, UsersPerTenant = 5, Messages = 400, Conversations = 10, Window = TimeSpan.FromHours(1) };

        AssertInWindow(Generated.From(new TisTisGenerator(options)), options);
    }

    [Fact]
    public void Analytics_events_carry_json_properties_and_some_are_anonymous()
    {
        Assert.All(Data.Events, e =>
        {
            using var properties = JsonDocument.Parse(e.PropertiesJson);
            Assert.Equal(JsonValueKind.Object, properties.RootElement.ValueKind);
        });
        Assert.Equal(["booking_confirmed", "handoff_requested", "link_clicked", "page_view", "widget_opened"], Data.Events.Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Data.Events, e => Assert.Equal(e.Kind == "page_view", e.UserId is null));
    }

    [Theory]
    [InlineData(0, 10, null, 0.0, "tenants must be between 1 and 999")]
    [InlineData(5, 0, null, 0.0, "users per tenant must be at least 1")]
    [InlineData(5, 10, 2_000, 0.0, "conversations cannot outnumber messages")]
    [InlineData(5, 10, null, 1.5, "the bad-row rate must be between 0 and 1")]
    public void Invalid_options_are_refused_with_every_problem(int tenants, int users, int? conversations, double badRows, string problem)
    {
        var options = new TisTisGeneratorOptions { Tenants = tenants, UsersPerTenant = users, Messages = 1_000, Conversations = conversations, BadRowRate = badRows };

        Assert.Contains(options.Validate(), p => p.StartsWith(problem, StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => new TisTisGenerator(options));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static string? BookingId(string properties)
    {
        using var json = JsonDocument.Parse(properties);
        return json.RootElement.GetProperty("booking_id").GetString();
    }

    private static void AssertInWindow(Generated rows, TisTisGeneratorOptions options)
    {
        var instants = rows.Conversations.Select(c => (c.Id, c.StartedAt)).Concat(rows.Messages.Select(m => (m.Id, m.SentAt))).Concat(rows.Feedback.Select(f => (f.Id, f.GivenAt)))
            .Concat(rows.Bookings.Select(b => (b.Id, b.BookedAt))).Concat(rows.Events.Select(e => (e.Id, e.OccurredAt)));
        Assert.All(instants, x => Assert.True(x.Item2 >= options.Start && x.Item2 < options.End, $"{x.Id} at {x.Item2:O} is outside [{options.Start:O}, {options.End:O})"));
        Assert.All(instants, x => Assert.Equal(0, x.Item2.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
