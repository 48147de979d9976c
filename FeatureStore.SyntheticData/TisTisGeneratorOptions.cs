using System.Globalization;

namespace FeatureStore.SyntheticData;

/// <summary>What <see cref="TisTisGenerator"/> produces. The same options always give the same rows.</summary>
public sealed record TisTisGeneratorOptions
{
    /// <summary>The largest counts the fixed-width ids allow (<c>t001</c>, <c>u000001</c>, <c>c0000001</c>, <c>m00000001</c>).</summary>
    public const int MaxTenants = 999;

    /// <inheritdoc cref="MaxTenants"/>
    public const int MaxUsers = 999_999;

    /// <inheritdoc cref="MaxTenants"/>
    public const int MaxConversations = 9_999_999;

    /// <inheritdoc cref="MaxTenants"/>
    public const int MaxMessages = 99_999_999;

    /// <summary>The seed; a different seed gives different traffic of the same shape.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How many tenants (businesses), 1 to <see cref="MaxTenants"/>.</summary>
    public int Tenants { get; init; } = 5;

    /// <summary>How many users each tenant has; some write often, most rarely.</summary>
    public int UsersPerTenant { get; init; } = 200;

    /// <summary>How many messages in all, exactly (bad rows included: they replace good ones).</summary>
    public int Messages { get; init; } = 10_000;

    /// <summary>How many conversations, exactly; by default one per eight messages.</summary>
    public int? Conversations { get; init; }

    /// <summary>The first instant of the traffic (kept to whole milliseconds, UTC).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long the traffic lasts: every row's time falls in [<see cref="Start"/>, <see cref="End"/>).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The share of messages, 0 to 1, deliberately made bad (empty or blank text, an intent outside
    /// the catalog, an assistant message without a response time). 0, the default, makes none.
    /// </summary>
    public double BadRowRate { get; init; }

    /// <summary>The conversation count actually generated.</summary>
    public int ConversationCount => Conversations ?? Math.Max(1, Messages / 8);

    /// <summary>The end of the window (exclusive).</summary>
    public DateTimeOffset End => Start + Window;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(Tenants is >= 1 and <= MaxTenants, $"tenants must be between 1 and {MaxTenants}");
        Check(UsersPerTenant >= 1 && (long)Tenants * UsersPerTenant <= MaxUsers, $"users per tenant must be at least 1, and tenants x users per tenant at most {MaxUsers}");
        Check(Messages is >= 1 and <= MaxMessages, $"messages must be between 1 and {MaxMessages}");
        Check(Conversations is null or (>= 1 and <= MaxConversations), $"conversations must be between 1 and {MaxConversations}");
        Check(ConversationCount <= Messages, "conversations cannot outnumber messages (each has at least one)");
        Check(Window >= TimeSpan.FromHours(1), "the window must be at least one hour");
        Check(Start.Offset == TimeSpan.Zero && Start.Ticks % TimeSpan.TicksPerMillisecond == 0, "start must be UTC with whole milliseconds");
        Check(Start.UtcDateTime <= DateTime.MaxValue - Window - TimeSpan.FromDays(400), "start + window is out of range");
        Check(BadRowRate is >= 0 and <= 1, string.Create(CultureInfo.InvariantCulture, $"the bad-row rate must be between 0 and 1, not {BadRowRate}"));
        return problems;
    }
}
