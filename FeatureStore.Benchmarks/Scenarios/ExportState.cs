namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>Whether the export was measured, did not exist yet (404), or answered wrongly.</summary>
internal enum ExportState
{
    Measured,
    NotAvailable,
    Failed,
}
