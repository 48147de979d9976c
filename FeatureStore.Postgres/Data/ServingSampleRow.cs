namespace FeatureStore.Postgres.Data;

/// <summary>A row of <c>ai_serving_samples</c>: a current value as the gateway served it, for the skew check.</summary>
public sealed class ServingSampleRow
{
    public long Id { get; set; }
    public string Feature { get; set; } = "";
    public int ValueLine { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Value { get; set; } = "null";
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset ServedAt { get; set; }
}
