namespace FeatureStore.Core.Sources;

/// <summary>
/// Source rows of every kind to write together: <see cref="ISourceStore.WriteAsync"/> stores all of
/// them or none. Any list may be empty.
/// </summary>
/// <param name="Tenants">Tenants.</param>
/// <param name="Users">Users.</param>
/// <param name="Conversations">Conversations.</param>
/// <param name="Messages">Messages.</param>
/// <param name="Feedback">Feedback.</param>
/// <param name="Bookings">Bookings.</param>
/// <param name="AnalyticsEvents">Analytics events.</param>
public sealed record SourceBatch(
    IReadOnlyList<Tenant> Tenants,
    IReadOnlyList<User> Users,
    IReadOnlyList<Conversation> Conversations,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<Feedback> Feedback,
    IReadOnlyList<Booking> Bookings,
    IReadOnlyList<AnalyticsEvent> AnalyticsEvents)
{
    /// <summary>A batch with no rows.</summary>
    public static SourceBatch Empty { get; } = new([], [], [], [], [], [], []);

    /// <summary>How many rows of every kind together.</summary>
    public long RowCount => (long)Tenants.Count + Users.Count + Conversations.Count + Messages.Count + Feedback.Count + Bookings.Count + AnalyticsEvents.Count;
}
