namespace FeatureStore.Postgres.Data;

/// <summary>The columns every <c>src_*</c> row has; see <see cref="SourceRowColumns"/>.</summary>
public abstract class SourceRow
{
    public required string Id { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
    public long Seq { get; set; }
}
