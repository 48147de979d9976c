using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData;

/// <summary>
/// One conversation and the rows it caused: its messages in order, feedback on it or its messages,
/// the booking it led to, analytics events. <see cref="Bookings"/> and <see cref="AnalyticsEvents"/>
/// may also hold rows of the same user or tenant made elsewhere (a booking at the front desk, an
/// anonymous page view) that were generated alongside it.
/// </summary>
public sealed record GeneratedConversation(
    Conversation Conversation,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<Feedback> Feedback,
    IReadOnlyList<Booking> Bookings,
    IReadOnlyList<AnalyticsEvent> AnalyticsEvents);
