namespace FeatureStore.Core.Computation.Streaming;

/// <summary>
/// The stream of new source events, read by a consumer group: each entry goes to one consumer and
/// stays pending until acknowledged; entries a dead consumer held are handed to a live one. So
/// delivery is at least once, and applying an entry must be idempotent.
/// </summary>
public interface IEventStream
{
    /// <summary>Appends a batch (as JSON); returns its entry id.</summary>
    Task<string> PublishAsync(string json, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="count"/> entries for <paramref name="consumer"/>: entries other
    /// consumers left pending for longer than <paramref name="claimAfter"/> first, then new ones.
    /// </summary>
    Task<IReadOnlyList<EventEntry>> ReadAsync(string consumer, int count, TimeSpan claimAfter, CancellationToken cancellationToken);

    /// <summary>Marks entries applied.</summary>
    Task AcknowledgeAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Keeps an entry that can never be applied in the dead-letter stream, with the reason.</summary>
    Task DeadLetterAsync(EventEntry entry, string reason, CancellationToken cancellationToken);
}
