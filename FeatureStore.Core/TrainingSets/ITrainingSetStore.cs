namespace FeatureStore.Core.TrainingSets;

/// <summary>
/// Where the streaming export gets its ordered reads: the spine is staged in the store (so it can be
/// sorted there, in bounded memory), then read back ordered, next to each feature line's history in
/// the same order.
/// </summary>
public interface ITrainingSetStore
{
    /// <summary>Stages every row of <paramref name="rows"/>; an exception from the rows aborts the staging and leaves nothing behind.</summary>
    Task<IStagedSpine> StageAsync(string entityType, IAsyncEnumerable<SpineRow> rows, CancellationToken cancellationToken);
}

/// <summary>A staged spine and the ordered reads over it. Disposing it drops the staged rows.</summary>
public interface IStagedSpine : IAsyncDisposable
{
    /// <summary>How many rows were staged.</summary>
    long Count { get; }

    /// <summary>The rows, in batches, ordered by entity id (<see cref="Values.CodePointOrder"/>), then timestamp; no values.</summary>
    IAsyncEnumerable<EntityRowBatch> ReadOrderedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The stored values of one feature value line, in batches, for the spine's entities (and possibly others
    /// between them), ordered by entity id (<see cref="Values.CodePointOrder"/>), then validFrom. Rows that no
    /// spine row can be given (newer than the last spine timestamp, or replaced before the first) may be left out.
    /// </summary>
    IAsyncEnumerable<EntityRowBatch> ReadHistoryAsync(string feature, int valueLine, CancellationToken cancellationToken);
}
