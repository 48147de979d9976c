namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>Whether the export could be measured, and its rows/s per timed run.</summary>
internal sealed record ExportResult(ExportState State, IReadOnlyList<double> RowsPerSecond, int CheckedRows, string? Problem)
{
    public static ExportResult NotAvailable { get; } = new(ExportState.NotAvailable, [], 0, null);

    public static ExportResult Failed(string problem) => new(ExportState.Failed, [], 0, problem);
}
