namespace FeatureStore.Core.Computation.Runs;

/// <summary>The computation log (<c>ai_feature_computation_logs</c>): every batch, streaming and on-demand run.</summary>
public interface IComputationLog
{
    /// <summary>Appends entries (entries naming a feature the registry does not know are kept without it).</summary>
    Task RecordAsync(IReadOnlyList<ComputationLogEntry> entries, CancellationToken cancellationToken);

    /// <summary>Entries matching the query, newest first.</summary>
    Task<IReadOnlyList<ComputationLogEntry>> ListAsync(ComputationLogQuery query, CancellationToken cancellationToken);
}
