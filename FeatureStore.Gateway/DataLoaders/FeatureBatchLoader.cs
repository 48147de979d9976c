using FeatureStore.Core.Serving;
using FeatureStore.Gateway.GraphQL;
using GraphQL.DataLoader;

namespace FeatureStore.Gateway.DataLoaders;

/// <summary>
/// One per request. Resolvers only queue <see cref="FeatureRequest"/>s; when the engine has
/// nothing else to run it asks for the results, and the first ask serves every queued request in
/// one <see cref="FeatureServer.ServeAsync"/> call (one online round trip, one offline query per
/// asOf). Requests queued later (a deeper wave) form the next batch.
/// </summary>
internal sealed class FeatureBatchLoader(FeatureServer server, RequestContext request)
{
    private readonly Lock _gate = new();
    private Batch _open = new();

    /// <summary>Queues one request (a <c>feature(name:)</c> field); its warnings go to the loader's request.</summary>
    public ServedValueResult Load(FeatureRequest featureRequest)
    {
        var (batch, index) = Queue([featureRequest]);
        return new ServedValueResult(new Pending(this, batch, index), request);
    }

    /// <summary>
    /// Queues a field's requests together (a <c>features(names:)</c> field): one pending result for the
    /// list rather than one per value, as the engine's cost is per pending result.
    /// </summary>
    public ServedValuesResult LoadMany(IReadOnlyList<FeatureRequest> requests)
    {
        var (batch, start) = Queue(requests);
        return new ServedValuesResult(new PendingRange(this, batch, start, requests.Count), request);
    }

    private (Batch Batch, int Start) Queue(IReadOnlyList<FeatureRequest> requests)
    {
        lock (_gate)
        {
            var start = _open.Requests.Count;
            _open.Requests.AddRange(requests);
            return (_open, start);
        }
    }

    private Task<ServeOutcome[]> RunAsync(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Running is null)
            {
                // Close the batch: later loads start a new one.
                if (ReferenceEquals(_open, batch))
                {
                    _open = new Batch();
                }

                batch.Running = server.ServeAsync(batch.Requests, cancellationToken);
            }

            return batch.Running;
        }
    }

    private sealed class Batch
    {
        public List<FeatureRequest> Requests { get; } = [];

        public Task<ServeOutcome[]>? Running { get; set; }
    }

    private sealed class Pending(FeatureBatchLoader loader, Batch batch, int index) : IDataLoaderResult<ServeOutcome>
    {
        public async Task<ServeOutcome> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.RunAsync(batch, cancellationToken))[index];

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class PendingRange(FeatureBatchLoader loader, Batch batch, int start, int count) : IDataLoaderResult<IReadOnlyList<ServeOutcome>>
    {
        public async Task<IReadOnlyList<ServeOutcome>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            // A view, not a copy: 100 entities x 10 features would otherwise copy every outcome again.
            return new ArraySegment<ServeOutcome>(await loader.RunAsync(batch, cancellationToken), start, count);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
