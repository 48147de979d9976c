namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// Whether the export could be measured, and its rows/s per timed run: warm (nothing written since the last export,
/// so the gateway's kept value lines serve it) and cold (a value written to every feature just before, so each line
/// is read from Postgres again).
/// </summary>
internal sealed record ExportResult(ExportState State, IReadOnlyList<double> RowsPerSecond, IReadOnlyList<double> ColdRowsPerSecond, int CheckedRows, string? Problem)
{
    public static ExportResult NotAvailable { get; } = new(ExportState.NotAvailable, [], [], 0, null);

    public static ExportResult Failed(string problem) => new(ExportState.Failed, [], [], 0, problem);
}
