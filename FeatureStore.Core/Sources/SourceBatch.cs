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

    /// <summary>Every row of the batches, in order, as one batch.</summary>
    public static SourceBatch Concat(IEnumerable<SourceBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var list = batches.ToList();
        return list.Count == 1 ? list[0] : new SourceBatch(
            [.. list.SelectMany(b => b.Tenants)], [.. list.SelectMany(b => b.Users)], [.. list.SelectMany(b => b.Conversations)],
            [.. list.SelectMany(b => b.Messages)], [.. list.SelectMany(b => b.Feedback)], [.. list.SelectMany(b => b.Bookings)],
            [.. list.SelectMany(b => b.AnalyticsEvents)]);
    }

    /// <summary>How many rows of every kind together.</summary>
    public long RowCount => (long)Tenants.Count + Users.Count + Conversations.Count + Messages.Count + Feedback.Count + Bookings.Count + AnalyticsEvents.Count;
}
