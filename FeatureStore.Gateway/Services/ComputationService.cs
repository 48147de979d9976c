using System.Text.Json;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Computation.Streaming;
using FeatureStore.Core.Errors;
using FeatureStore.Gateway.Types.Computation;

namespace FeatureStore.Gateway.Services;

/// <summary>The computation fields: ingesting events into the stream, backfills, jobs and the computation log.</summary>
internal sealed class ComputationService(IEventStream stream, BatchPlanner planner, IComputationQueue queue, IComputationLog log)
{
    public const int MaxRowsPerIngest = 10_000;
    public const int MaxListed = 1_000;

    /// <summary>Checks every row, then appends the batch to the event stream; nothing is appended if any row is bad.</summary>
    public async Task<IngestResult> IngestAsync(object? batch, CancellationToken cancellationToken)
    {
        Core.Sources.SourceBatch parsed;
        try
        {
            parsed = SourceBatchJson.Deserialize(JsonSerializer.Serialize(batch));
        }
        catch (JsonException error)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"batch is not a source batch (docs/streaming.md): {error.Message}");
        }

        if (parsed.RowCount == 0)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, "batch has no rows");
        }

        if (parsed.RowCount > MaxRowsPerIngest)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {MaxRowsPerIngest} rows per ingestEvents call, not {parsed.RowCount}");
        }

        var problems = SourceBatchChecks.Problems(parsed);
        if (problems.Count > 0)
        {
            throw new InvalidValuesException(problems);
        }

        var id = await stream.PublishAsync(SourceBatchJson.Serialize(parsed), cancellationToken);
        return new IngestResult((int)parsed.RowCount, id);
    }

    public Task<ComputationJob> BackfillAsync(IReadOnlyList<string> features, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        planner.PlanBackfillAsync(features, from, to, "graphql", cancellationToken);

    public async Task<ComputationJob> JobAsync(Guid id, CancellationToken cancellationToken) =>
        await queue.GetAsync(id, cancellationToken) ?? throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"no computation job {id}");

    public Task<IReadOnlyList<ComputationJob>> JobsAsync(int first, CancellationToken cancellationToken) =>
        queue.ListAsync(Limit(first), cancellationToken);

    public Task<IReadOnlyList<ComputationLogEntry>> LogsAsync(string? feature, string? type, Guid? runId, DateTimeOffset? since, int first, CancellationToken cancellationToken)
    {
        if (type is not null && !ComputationTypes.All.Contains(type))
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"type '{type}' is not one of {string.Join(", ", ComputationTypes.All)}");
        }

        return log.ListAsync(new ComputationLogQuery(feature, type, runId, since, Limit(first)), cancellationToken);
    }

    private static int Limit(int first) => first is > 0 and <= MaxListed ? first
        : throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"first must be 1 to {MaxListed}, not {first}");
}
