namespace FeatureStore.Core.TrainingSets;

/// <summary>Receives the joined rows of an export, in spine order (entity id, then timestamp).</summary>
public interface ITrainingSetWriter
{
    /// <summary>
    /// One row: <paramref name="values"/> holds each column's value as JSON text (null when there is
    /// none). The array is reused for the next row: copy what must outlive the call.
    /// </summary>
    ValueTask WriteRowAsync(SpineRow row, string?[] values, CancellationToken cancellationToken);
}
