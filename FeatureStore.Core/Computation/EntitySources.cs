using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Computation;

/// <summary>
/// The source rows an entity's features are computed from: for a conversation its messages, for
/// a user their messages, conversations, feedback and bookings, for a message the message itself
/// with the earlier messages of its conversation (its context) and, when asked for, its tenant.
/// Whoever loads them (batch, streaming, on-demand) gives the same rows for the same entity.
/// </summary>
/// <param name="Messages">Messages of the entity.</param>
/// <param name="Conversations">Conversations of the entity.</param>
/// <param name="Feedback">Feedback on the entity.</param>
/// <param name="Bookings">Bookings of the entity.</param>
public sealed record EntitySources(
    IReadOnlyList<Message> Messages,
    IReadOnlyList<Conversation> Conversations,
    IReadOnlyList<Feedback> Feedback,
    IReadOnlyList<Booking> Bookings)
{
    /// <summary>No rows at all.</summary>
    public static EntitySources Empty { get; } = new([], [], [], []);

    /// <summary>A message's tenant (its time zone and opening hours), loaded when a feature reads <c>tenants</c>.</summary>
    public Tenant? Tenant { get; init; }
}
