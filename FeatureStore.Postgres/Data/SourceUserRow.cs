namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>src_users</c>; see <see cref="FeatureStore.Core.Sources.User"/>.</summary>
public sealed class SourceUserRow : SourceRow
{
    public required string TenantId { get; set; }
    public required string PreferredLanguage { get; set; }
    public required string Preferences { get; set; }
}
