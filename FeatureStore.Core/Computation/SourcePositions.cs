namespace FeatureStore.Core.Computation;

/// <summary>
/// How far each source table has been read: the highest ingestion sequence number (<c>seq</c>)
/// taken into account. An incremental batch run reads the rows between two positions.
/// </summary>
/// <param name="Messages">High-water of <c>src_messages.seq</c>.</param>
/// <param name="Conversations">High-water of <c>src_conversations.seq</c>.</param>
/// <param name="Feedback">High-water of <c>src_feedback.seq</c>.</param>
/// <param name="Bookings">High-water of <c>src_bookings.seq</c>.</param>
public sealed record SourcePositions(long Messages, long Conversations, long Feedback, long Bookings)
{
    /// <summary>Before any row: a run from here reads everything.</summary>
    public static SourcePositions Start { get; } = new(0, 0, 0, 0);

    /// <summary>True when no table has moved past <paramref name="other"/>.</summary>
    public bool IsAtOrBefore(SourcePositions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Messages <= other.Messages && Conversations <= other.Conversations && Feedback <= other.Feedback && Bookings <= other.Bookings;
    }
}
