using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData.Tests;

/// <summary>Everything a generator produces, flattened per row kind, for comparing and inspecting.</summary>
public sealed record Generated(
    IReadOnlyList<Tenant> Tenants,
    IReadOnlyList<User> Users,
    IReadOnlyList<Conversation> Conversations,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<Feedback> Feedback,
    IReadOnlyList<Booking> Bookings,
    IReadOnlyList<AnalyticsEvent> Events)
{
    public static Generated From(TisTisGenerator generator)
    {
        var conversations = generator.Conversations().ToList();
        return new(generator.Tenants, [.. generator.Users()], [.. conversations.Select(c => c.Conversation)], [.. conversations.SelectMany(c => c.Messages)],
            [.. conversations.SelectMany(c => c.Feedback)], [.. conversations.SelectMany(c => c.Bookings)], [.. conversations.SelectMany(c => c.AnalyticsEvents)]);
    }

    public static Generated From(IEnumerable<SourceBatch> batches)
    {
        var all = SourceBatch.Concat(batches);
        return new(all.Tenants, all.Users, all.Conversations, all.Messages, all.Feedback, all.Bookings, all.AnalyticsEvents);
    }

    /// <summary>Asserts every row of every kind is equal, in order (records compare every field).</summary>
    public void AssertSameAs(Generated other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Assert.Equal(Tenants, other.Tenants);
        Assert.Equal(Users, other.Users);
        Assert.Equal(Conversations, other.Conversations);
        Assert.Equal(Messages, other.Messages);
        Assert.Equal(Feedback, other.Feedback);
        Assert.Equal(Bookings, other.Bookings);
        Assert.Equal(Events, other.Events);
    }
}
