namespace FeatureStore.Core.Sources;

/// <summary>How many rows each source table holds.</summary>
/// <param name="Tenants">Rows in <c>src_tenants</c>.</param>
/// <param name="Users">Rows in <c>src_users</c>.</param>
/// <param name="Conversations">Rows in <c>src_conversations</c>.</param>
/// <param name="Messages">Rows in <c>src_messages</c>.</param>
/// <param name="Feedback">Rows in <c>src_feedback</c>.</param>
/// <param name="Bookings">Rows in <c>src_bookings</c>.</param>
/// <param name="AnalyticsEvents">Rows in <c>src_analytics_events</c>.</param>
public sealed record SourceCounts(long Tenants, long Users, long Conversations, long Messages, long Feedback, long Bookings, long AnalyticsEvents)
{
    /// <summary>Every table's rows together.</summary>
    public long Total => Tenants + Users + Conversations + Messages + Feedback + Bookings + AnalyticsEvents;

    /// <summary>The counts of one batch, e.g. to add up what a load wrote.</summary>
    public static SourceCounts Of(SourceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.Tenants.Count, batch.Users.Count, batch.Conversations.Count, batch.Messages.Count, batch.Feedback.Count, batch.Bookings.Count, batch.AnalyticsEvents.Count);
    }

    /// <summary>Adds two sets of counts table by table.</summary>
    public static SourceCounts operator +(SourceCounts left, SourceCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Tenants + right.Tenants, left.Users + right.Users, left.Conversations + right.Conversations, left.Messages + right.Messages,
            left.Feedback + right.Feedback, left.Bookings + right.Bookings, left.AnalyticsEvents + right.AnalyticsEvents);
    }
}
