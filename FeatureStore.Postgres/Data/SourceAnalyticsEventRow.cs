namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>src_analytics_events</c>; see <see cref="FeatureStore.Core.Sources.AnalyticsEvent"/>.</summary>
public sealed class SourceAnalyticsEventRow : SourceRow
{
    public required string TenantId { get; set; }
    public string? UserId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Properties { get; set; }
}
