namespace FeatureStore.Postgres.Data;

/// <summary>
/// A row of <c>ai_feature_line_writes</c>: the last transaction that changed a value line's history for one entity
/// stripe. The export's in-memory copies of whole lines stay valid while these rows are unchanged (<c>HistorySnapshots</c>).
/// </summary>
public sealed class LineWriteRow
{
    public Guid FeatureId { get; set; }
    public int VersionMajor { get; set; }
    public string EntityType { get; set; } = "";
    public int Stripe { get; set; }

    /// <summary>The writing transaction's id (<c>pg_current_xact_id()</c>): unique, so any later write changes it.</summary>
    public long WrittenBy { get; set; }

    /// <summary>
    /// The last transaction that changed the stripe without naming its entities in <c>ai_feature_line_changes</c> (a
    /// large write, a batch item); 0 if none. While it is unchanged, an export can patch a kept line with the entities
    /// logged since, instead of reading it again.
    /// </summary>
    public long UnloggedBy { get; set; }

    /// <summary>How many transactions changed the stripe unlogged (each counted once); 0 if none.</summary>
    public long UnloggedWrites { get; set; }

    /// <summary>
    /// The unlogged writes after this many (<see cref="UnloggedWrites"/>) changed only entities between
    /// <see cref="UnloggedLow"/> and <see cref="UnloggedHigh"/> (code-point order): an export whose copy saw at least
    /// this many scans that range for their rows, not the whole line. Moves up now and then, so the range stays narrow.
    /// </summary>
    public long RangeAfter { get; set; }

    /// <summary>The lowest entity the unlogged writes after <see cref="RangeAfter"/> changed; null if none.</summary>
    public string? UnloggedLow { get; set; }

    /// <summary>The highest entity the unlogged writes after <see cref="RangeAfter"/> changed; null if none.</summary>
    public string? UnloggedHigh { get; set; }

    public DateTimeOffset WrittenAt { get; set; }
}
