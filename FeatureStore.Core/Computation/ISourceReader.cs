namespace FeatureStore.Core.Computation;

/// <summary>
/// Reads the source tables for computation. Every path (batch, streaming, on-demand) loads an
/// entity's rows through this, so all of them compute from the same rows.
/// </summary>
public interface ISourceReader
{
    /// <summary>
    /// The source rows of each entity of <paramref name="entityType"/> in <paramref name="ids"/>,
    /// reading only the <paramref name="sources"/> named (<see cref="SourceFields.Sources"/>); the
    /// other lists are empty. An entity with no row at all is absent from the answer. Rows are
    /// ordered by event time, then id.
    /// </summary>
    /// <exception cref="ArgumentException">An entity type not in <see cref="ComputedEntityTypes"/>, or an unknown source.</exception>
    Task<IReadOnlyDictionary<string, EntitySources>> LoadAsync(string entityType, IReadOnlyCollection<string> sources, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// The highest sequence number of each table, read once every write in flight has committed
    /// (so no row with a lower number can appear later and be skipped by an incremental run).
    /// </summary>
    Task<SourcePositions> HighWaterAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The distinct ids of <paramref name="entityType"/> named by rows of <paramref name="sources"/>
    /// ingested after <paramref name="after"/> and up to <paramref name="upTo"/>, in code-point order.
    /// For messages, with the messages in their context (<see cref="MessagesInContextOfAsync"/>).
    /// From <see cref="SourcePositions.Start"/> that is every entity with a row.
    /// </summary>
    Task<IReadOnlyList<string>> ChangedEntitiesAsync(string entityType, IReadOnlyCollection<string> sources, SourcePositions after, SourcePositions upTo, CancellationToken cancellationToken);

    /// <summary>
    /// The messages whose context holds any of <paramref name="messageIds"/>: those messages and
    /// every message of their conversations sent at or after the earliest of them, in code-point
    /// order. A message that arrives late changes its successors' context features (previous
    /// intent, time since the previous message), so they are recomputed with it.
    /// </summary>
    Task<IReadOnlyList<string>> MessagesInContextOfAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// The distinct ids of <paramref name="entityType"/> named by rows of <paramref name="source"/>
    /// whose event time lies in (<paramref name="after"/>, <paramref name="upTo"/>], in code-point
    /// order: the entities whose windowed features change because rows left the window.
    /// </summary>
    Task<IReadOnlyList<string>> EntitiesWithRowsBetweenAsync(string entityType, string source, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken);
}
