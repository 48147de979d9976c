namespace FeatureStore.Core.Sources;

/// <summary>
/// The TIS TIS source tables (tenants, users, conversations, messages, feedback, bookings,
/// analytics events) that batch computations read. Loaders and the synthetic data generator write
/// through it; every row also gets an ingestion time and sequence number for incremental runs.
/// </summary>
public interface ISourceStore
{
    /// <summary>
    /// Writes every row of <paramref name="batch"/>, all or nothing: a row that breaks a rule
    /// (a duplicate id, a role other than user/assistant, satisfaction outside 1..5) fails the
    /// call with <see cref="InvalidSourceRowsException"/> and nothing of the batch is written.
    /// </summary>
    Task WriteAsync(SourceBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the rows of <paramref name="batch"/> whose id is not stored yet, so a replayed event
    /// (a redelivered message, a reloaded file) is skipped rather than refused; a row already stored
    /// is left exactly as it is. Otherwise the rules of <see cref="WriteAsync"/> hold, all or
    /// nothing: a row that breaks a rule, or the same id twice within the batch, fails the call with
    /// <see cref="InvalidSourceRowsException"/> and nothing of the batch is written.
    /// </summary>
    /// <returns>How many rows were new (and written), over every kind.</returns>
    Task<long> WriteNewAsync(SourceBatch batch, CancellationToken cancellationToken);

    /// <summary>How many rows each table holds now.</summary>
    Task<SourceCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every source row (for reloading generated data). Sequence numbers are not reset, so
    /// an incremental run's high-water mark stays meaningful.
    /// </summary>
    Task DeleteAllAsync(CancellationToken cancellationToken);
}
