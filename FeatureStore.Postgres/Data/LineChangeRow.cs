namespace FeatureStore.Postgres.Data;

/// <summary>
/// A row of <c>ai_feature_line_changes</c>: the last small write (<see cref="Values.OfflineSql.LogChangesUpTo"/> entities
/// or fewer in a line) that changed one entity's history in a value line. One row per (line, entity), so the table
/// never outgrows the history. An export that kept the line patches in the entities whose writer its copy did not see.
/// </summary>
public sealed class LineChangeRow
{
    public Guid FeatureId { get; set; }
    public int VersionMajor { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>The writing transaction's id (<c>pg_current_xact_id()</c>).</summary>
    public long WrittenBy { get; set; }
}
