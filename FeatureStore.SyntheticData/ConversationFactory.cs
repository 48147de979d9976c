using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>
/// Builds one conversation at a time: who writes (busy tenants and frequent users more often), what
/// they ask (the tenant's intent chain), when (a likely local hour), how fast the agent answers
/// (log-normal, with slow tool calls), and what follows (a booking, feedback, analytics events).
/// Holds only the running id counters, so memory does not grow with the traffic.
/// </summary>
internal sealed class ConversationFactory(TisTisGeneratorOptions options, IReadOnlyList<TenantContext> tenants)
{
    private const double UndetectedIntentShare = 0.03;
    private const long TailMs = 35 * 60 * 1000;   // feedback and events may come up to this long after the last message

    private static readonly string[] SpanishPages = ["/", "/servicios", "/reservas"];
    private static readonly string[] EnglishPages = ["/", "/services", "/book"];
    private static readonly string[] Referrers = ["google", "instagram", "direct", "facebook"];

    private readonly double[] _tenantWeights = [.. tenants.Select(t => t.Weight)];
    private long _messages;
    private long _feedback;
    private long _bookings;
    private long _events;

    public GeneratedConversation Create(int index, int length, SeededRandom random)
    {
        var tenant = tenants[random.Weighted(_tenantWeights)];
        var usersPerTenant = options.UsersPerTenant;
        // Squaring a uniform draw favours low numbers: a few users write often, most rarely.
        var userInTenant = Math.Min(usersPerTenant - 1, (int)(usersPerTenant * Math.Pow(random.NextDouble(), 2)));
        var user = UserTraits.For(options.Seed, (tenant.Index * usersPerTenant) + userInTenant, tenant);
        var language = random.Chance(0.95) ? user.Language : Languages.Other(user.Language);
        var channels = tenant.Profile.Channels;
        var channel = random.Chance(0.8) ? user.Channel : channels.Names[random.Weighted(channels.Weights)];
        var service = random.Chance(0.5) ? user.FavoriteService : random.Pick(tenant.Profile.Business.Services);
        var intents = tenant.Chain.Sequence(random, (length + 1) / 2);

        var (offsets, tailMs) = Timeline(random, intents, length);
        var footprint = TimeSpan.FromMilliseconds(offsets[^1] + tailMs);
        var nominal = options.Start + (options.Window * ((index + random.NextDouble()) / options.ConversationCount));
        var startedAt = ActivityProfile.Start(random, tenant.Zone, nominal, footprint, options.Start, options.End);
        DateTimeOffset At(long offset) => startedAt.AddMilliseconds(Math.Min(offset, offsets[^1] + tailMs - 1));

        var conversation = new Conversation(SourceIds.Conversation(index), tenant.Tenant.Id, user.Id, startedAt, channel);
        var (appointmentLocal, scheduledFor) = Appointment(random, tenant, startedAt);
        var say = new Utterance(Phrasebook.For(language), tenant, service, appointmentLocal);

        // A booking happens when the agent confirms one: at the last booking turn it answered, sometimes.
        var answeredBookingTurns = Enumerable.Range(0, intents.Length).Where(j => intents[j] == Intents.Booking && (2 * j) + 1 < length).ToList();
        var confirmTurn = answeredBookingTurns.Count > 0 && random.Chance(0.6) ? answeredBookingTurns[^1] : -1;

        var messages = new List<Message>(length);
        for (var m = 0; m < length; m++)
        {
            var turn = m / 2;
            var intent = intents[turn];
            var id = SourceIds.Message(_messages++);
            if (m % 2 == 0)
            {
                var templates = intent == Intents.Booking && turn > 0 && intents[turn - 1] == Intents.Booking ? say.Book.UserConfirmsBooking : say.Book.UserTemplates(intent);
                var detected = random.Chance(UndetectedIntentShare) ? null : intent;
                messages.Add(new Message(id, conversation.Id, tenant.Tenant.Id, user.Id, MessageRole.User, say.User(random, templates), At(offsets[m]), null, detected, language));
            }
            else
            {
                var templates = intent != Intents.Booking ? say.Book.AssistantTemplates(intent)
                    : turn == confirmTurn ? say.Book.AssistantConfirmsBooking : say.Book.AssistantOffersSlot;
                var responseTime = (int)(offsets[m] - offsets[m - 1]);
                messages.Add(new Message(id, conversation.Id, tenant.Tenant.Id, user.Id, MessageRole.Assistant, say.Assistant(random, templates), At(offsets[m]), responseTime, null, language));
            }
        }

        var bookings = new List<Booking>();
        if (confirmTurn >= 0)
        {
            var bookedAt = At(offsets[(2 * confirmTurn) + 1] + random.Next(300, 3_000));
            bookings.Add(new Booking(SourceIds.Booking(_bookings++), tenant.Tenant.Id, user.Id, conversation.Id, bookedAt, scheduledFor, service.Name(language)));
        }

        var feedback = FeedbackOn(random, conversation, messages, intents, confirmTurn >= 0, user, offsets, At);
        var events = EventsAround(random, conversation, messages, intents, bookings, At);

        // Now and then the same user books at the front desk or by phone: a booking with no conversation.
        if (random.Chance(0.03))
        {
            var bookedAt = options.Start.AddMilliseconds(Math.Floor(random.NextDouble() * (options.Window.TotalMilliseconds - 1)));
            var direct = random.Pick(tenant.Profile.Business.Services);
            bookings.Add(new Booking(SourceIds.Booking(_bookings++), tenant.Tenant.Id, user.Id, null, bookedAt, Appointment(random, tenant, bookedAt).Utc, direct.Name(tenant.Profile.Language)));
        }

        return new GeneratedConversation(conversation, messages, feedback, bookings, events);
    }

    /// <summary>Each message's offset from the first in milliseconds (user, agent reply, user, ...), squeezed when the window is tiny.</summary>
    private (long[] Offsets, long TailMs) Timeline(SeededRandom random, string[] intents, int length)
    {
        var offsets = new long[length];
        var next = 0L;
        for (var m = 0; m < length; m++)
        {
            if (m % 2 == 0)
            {
                offsets[m] = next;
                continue;
            }

            offsets[m] = offsets[m - 1] + ResponseTimeMs(random, intents[m / 2]);
            next = offsets[m] + (long)Math.Clamp(random.LogNormal(18_000, 0.9), 1_500, 900_000);
        }

        var windowMs = (long)options.Window.TotalMilliseconds;
        var footprintMs = offsets[^1] + TailMs;
        if (footprintMs < windowMs)
        {
            return (offsets, TailMs);
        }

        var scale = 0.99 * (windowMs - 1) / footprintMs;
        return ([.. offsets.Select(o => (long)(o * scale))], (long)(TailMs * scale));
    }

    // Log-normal around 1.3 s; calendar look-ups cost a little more; now and then a slow tool call or retry.
    private static int ResponseTimeMs(SeededRandom random, string intent)
    {
        var ms = random.LogNormal(1_300, 0.5) + (intent == Intents.Booking ? 400 : 0);
        if (random.Chance(0.07))
        {
            ms += random.Next(2_500, 15_000);
        }

        return (int)Math.Clamp(ms, 150, 60_000);
    }

    /// <summary>An appointment 1 to 10 days after <paramref name="from"/>, on the hour or half hour, within business hours.</summary>
    private static (DateTime Local, DateTimeOffset Utc) Appointment(SeededRandom random, TenantContext tenant, DateTimeOffset from)
    {
        var opens = tenant.Tenant.OpensAt;
        var firstHour = opens.Minute == 0 ? opens.Hour : opens.Hour + 1;
        var lastHour = Math.Max(firstHour, tenant.Tenant.ClosesAt.Hour - 1);
        var local = TimeZoneInfo.ConvertTime(from, tenant.Zone).Date
            .AddDays(random.Next(1, 11))
            .AddHours(random.Next(firstHour, lastHour + 1))
            .AddMinutes(random.Chance(0.5) ? 0 : 30);
        if (tenant.Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return (local, new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, tenant.Zone), TimeSpan.Zero));
    }

    private List<Feedback> FeedbackOn(SeededRandom random, Conversation conversation, List<Message> messages, string[] intents, bool booked,
        UserTraits user, long[] offsets, Func<long, DateTimeOffset> at)
    {
        var feedback = new List<Feedback>();
        var complained = intents.Contains(Intents.Complaint);
        var answers = messages.Where(m => m.Role == MessageRole.Assistant).ToList();
        if (random.Chance(complained ? 0.5 : 0.3))
        {
            var abandoned = messages.Count > 1 && messages[^1].Role == MessageRole.User;
            var slow = answers.Count > 0 && answers.Average(m => m.ResponseTimeMs ?? 0) > 4_000;
            var score = 4.1 + user.SatisfactionBias - (complained ? 1.6 : 0) - (intents.Contains(Intents.Support) ? 0.5 : 0)
                + (booked ? 0.5 : 0) - (abandoned ? 0.7 : 0) - (slow ? 0.6 : 0) + (random.Normal() * 0.7);
            var givenAt = at(offsets[^1] + (long)Math.Clamp(random.LogNormal(90_000, 1.0), 2_000, TailMs));
            feedback.Add(new Feedback(SourceIds.Feedback(_feedback++), conversation.TenantId, conversation.UserId, conversation.Id, null, Satisfaction(score), givenAt));
        }

        // A thumbs-up or -down on one answer, rated 1..5 like the rest.
        if (answers.Count > 0 && random.Chance(0.08))
        {
            var position = (2 * random.Next(answers.Count)) + 1;
            var answer = messages[position];
            var score = 4.0 + user.SatisfactionBias - (answer.ResponseTimeMs > 5_000 ? 1.2 : 0) - (intents[position / 2] == Intents.Complaint ? 1.5 : 0) + (random.Normal() * 0.8);
            var givenAt = at(offsets[position] + random.Next(5_000, 120_000));
            feedback.Add(new Feedback(SourceIds.Feedback(_feedback++), conversation.TenantId, conversation.UserId, conversation.Id, answer.Id, Satisfaction(score), givenAt));
        }

        return feedback;
    }

    private List<AnalyticsEvent> EventsAround(SeededRandom random, Conversation conversation, List<Message> messages, string[] intents, List<Booking> bookings, Func<long, DateTimeOffset> at)
    {
        var events = new List<AnalyticsEvent>();
        var spanish = messages[0].Language == Languages.Spanish;
        DateTimeOffset Before(int minMs, int maxMs)
        {
            var instant = conversation.StartedAt.AddMilliseconds(-random.Next(minMs, maxMs));
            return instant < options.Start ? conversation.StartedAt : instant;
        }

        void Add(string? userId, string kind, DateTimeOffset occurredAt, params (string Name, string Value)[] properties) =>
            events.Add(new AnalyticsEvent(SourceIds.Event(_events++), conversation.TenantId, userId, kind, occurredAt, JsonText.Strings(properties)));

        if (conversation.Channel == "web" && random.Chance(0.6))
        {
            Add(conversation.UserId, "widget_opened", Before(5_000, 60_000), ("channel", "web"), ("conversation_id", conversation.Id),
                ("page", random.Pick(spanish ? SpanishPages : EnglishPages)));
        }

        foreach (var booking in bookings)
        {
            Add(conversation.UserId, "booking_confirmed", booking.BookedAt, ("booking_id", booking.Id), ("conversation_id", conversation.Id), ("service", booking.Service));
        }

        var complaint = Array.IndexOf(intents, Intents.Complaint);
        if (complaint >= 0 && random.Chance(0.5))
        {
            Add(conversation.UserId, "handoff_requested", at(OffsetOf(messages, 2 * complaint) + random.Next(1_000, 10_000)), ("reason", "complaint"), ("conversation_id", conversation.Id));
        }

        var pricing = Array.IndexOf(intents, Intents.Pricing);
        if (pricing >= 0 && random.Chance(0.25))
        {
            Add(conversation.UserId, "link_clicked", at(OffsetOf(messages, 2 * pricing) + random.Next(5_000, 60_000)), ("link", "price_list"), ("conversation_id", conversation.Id));
        }

        if (random.Chance(0.15))
        {
            Add(null, "page_view", Before(1_000, 600_000), ("page", "/"), ("referrer", random.Pick(Referrers)));
        }

        return events;
    }

    private static long OffsetOf(List<Message> messages, int position) => (long)(messages[position].SentAt - messages[0].SentAt).TotalMilliseconds;

    private static int Satisfaction(double score) => (int)Math.Clamp(Math.Round(score, MidpointRounding.AwayFromZero), 1, 5);
}
