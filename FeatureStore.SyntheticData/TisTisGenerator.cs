using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>
/// Synthetic TIS TIS traffic in Spanish and English: tenants in several time zones with business
/// hours, users with preferences, conversations that follow intent sequences, agent replies with
/// response times, bookings, feedback and analytics events. Seeded and deterministic: the same
/// options always give the same rows, in the same order. Streams conversation by conversation, so
/// millions of messages take no more memory than a few.
/// </summary>
public sealed class TisTisGenerator
{
    private readonly IReadOnlyList<TenantContext> _tenants;

    /// <summary>Checks the options (<see cref="ArgumentException"/> listing every problem) and lays out the tenants.</summary>
    public TisTisGenerator(TisTisGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid generator options: " + string.Join("; ", problems), nameof(options));
        }

        Phrasebook.EnsureComplete(SpanishPhrases.Book);
        Phrasebook.EnsureComplete(EnglishPhrases.Book);
        Options = options;
        _tenants = [.. Enumerable.Range(0, options.Tenants).Select(i => TenantContext.Create(options.Seed, i))];
    }

    /// <summary>The options this generator was made with.</summary>
    public TisTisGeneratorOptions Options { get; }

    /// <summary>Every tenant.</summary>
    public IReadOnlyList<Tenant> Tenants => [.. _tenants.Select(t => t.Tenant)];

    /// <summary>Every user, tenant by tenant.</summary>
    public IEnumerable<User> Users()
    {
        foreach (var tenant in _tenants)
        {
            for (var i = 0; i < Options.UsersPerTenant; i++)
            {
                yield return UserTraits.For(Options.Seed, (tenant.Index * Options.UsersPerTenant) + i, tenant).ToUser(tenant);
            }
        }
    }

    /// <summary>
    /// Every conversation with what it caused, roughly in time order (conversation n starts in the
    /// n-th slice of the window). Exactly <see cref="TisTisGeneratorOptions.ConversationCount"/>
    /// conversations and <see cref="TisTisGeneratorOptions.Messages"/> messages.
    /// </summary>
    public IEnumerable<GeneratedConversation> Conversations()
    {
        var factory = new ConversationFactory(Options, _tenants);
        var count = Options.ConversationCount;
        var remainingMessages = Options.Messages;
        for (var i = 0; i < count; i++)
        {
            var random = SeededRandom.For(Options.Seed, RandomStream.Conversation, i);
            var length = Length(random, remainingMessages, count - i);
            remainingMessages -= length;
            var conversation = factory.Create(i, length, random);
            yield return Options.BadRowRate > 0 ? Spoil(i, conversation) : conversation;
        }
    }

    /// <summary>
    /// Everything as batches to load: first the tenants and users (at most
    /// <paramref name="rowsPerBatch"/> users a batch), then conversations with their rows until a
    /// batch holds at least <paramref name="rowsPerBatch"/> messages.
    /// </summary>
    public IEnumerable<SourceBatch> Batches(int rowsPerBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerBatch);
        IReadOnlyList<Tenant> tenants = Tenants;
        var users = new List<User>();
        foreach (var user in Users())
        {
            users.Add(user);
            if (users.Count >= rowsPerBatch)
            {
                yield return SourceBatch.Empty with { Tenants = tenants, Users = users };
                (tenants, users) = ([], []);
            }
        }

        if (tenants.Count > 0 || users.Count > 0)
        {
            yield return SourceBatch.Empty with { Tenants = tenants, Users = users };
        }

        var rows = new Accumulator();
        foreach (var conversation in Conversations())
        {
            rows.Add(conversation);
            if (rows.Messages.Count >= rowsPerBatch)
            {
                yield return rows.ToBatch();
                rows = new Accumulator();
            }
        }

        if (rows.Conversations.Count > 0)
        {
            yield return rows.ToBatch();
        }
    }

    // Each conversation gets about its share of the messages still to write (log-normal around it,
    // so lengths vary), and the last takes exactly what is left: the total is always exact.
    private static int Length(SeededRandom random, int remainingMessages, int remainingConversations)
    {
        if (remainingConversations == 1)
        {
            return remainingMessages;
        }

        var mean = (double)remainingMessages / remainingConversations;
        var length = (int)Math.Round(mean * Math.Clamp(random.LogNormal(0.835, 0.6), 0.2, 4.0));
        if (length % 2 == 1 && random.Chance(0.7))
        {
            length++;    // most conversations end with the agent's answer
        }

        return Math.Clamp(length, 1, remainingMessages - (remainingConversations - 1));
    }

    private GeneratedConversation Spoil(int index, GeneratedConversation conversation)
    {
        var random = SeededRandom.For(Options.Seed, RandomStream.Defect, index);
        var messages = conversation.Messages.Select(m => random.Chance(Options.BadRowRate) ? BadRows.Spoil(random, m) : m).ToList();
        return conversation with { Messages = messages };
    }

    private sealed class Accumulator
    {
        public List<Conversation> Conversations { get; } = [];
        public List<Message> Messages { get; } = [];
        public List<Feedback> Feedback { get; } = [];
        public List<Booking> Bookings { get; } = [];
        public List<AnalyticsEvent> Events { get; } = [];

        public void Add(GeneratedConversation conversation)
        {
            Conversations.Add(conversation.Conversation);
            Messages.AddRange(conversation.Messages);
            Feedback.AddRange(conversation.Feedback);
            Bookings.AddRange(conversation.Bookings);
            Events.AddRange(conversation.AnalyticsEvents);
        }

        public SourceBatch ToBatch() => new([], [], Conversations, Messages, Feedback, Bookings, Events);
    }
}
