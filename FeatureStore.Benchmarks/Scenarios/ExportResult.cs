namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// Whether the export could be measured, and its rows/s per timed run for each kind of run
/// (<see cref="TrainingSetExport"/>): warm, after a small write, after a large write.
/// </summary>
internal sealed record ExportResult(ExportState State, IReadOnlyList<ExportMeasure> Measures, int CheckedRows, string? Problem)
{
    public static ExportResult NotAvailable { get; } = new(ExportState.NotAvailable, [], 0, null);

    public static ExportResult Failed(string problem) => new(ExportState.Failed, [], 0, problem);
}

/// <summary>One kind of export run: what came before it, and the rows/s of each run.</summary>
internal sealed record ExportMeasure(string Label, IReadOnlyList<double> RowsPerSecond);
