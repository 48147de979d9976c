namespace FeatureStore.Core.TrainingSets;

/// <summary>Receives the joined rows of an export, in spine order (entity id, then timestamp).</summary>
public interface ITrainingSetWriter
{
    /// <summary>
    /// Buffers one row: <paramref name="entityId"/> is UTF-8, and <paramref name="values"/> holds each column's
    /// value as JSON text (UTF-8), empty when there is none. Nothing passed in outlives the call: copy what must.
    /// </summary>
    /// <returns>True when enough is buffered to be worth sending: the caller awaits <see cref="FlushAsync"/> before the next row.</returns>
    bool WriteRow(ReadOnlySpan<byte> entityId, DateTimeOffset timestamp, ReadOnlySpan<ReadOnlyMemory<byte>> values);

    /// <summary>Sends what <see cref="WriteRow"/> said is worth sending; a writer may keep less than that for later.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
