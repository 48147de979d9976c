using FeatureStore.Core.Serving;
using GraphQL.DataLoader;

namespace FeatureStore.Gateway.DataLoaders;

/// <summary>
/// One per request. Resolvers only queue a <see cref="FeatureRequest"/>; when the engine has
/// nothing else to run it asks for the results, and the first ask serves every queued request in
/// one <see cref="FeatureServer.ServeAsync"/> call (one online round trip, one offline query per
/// asOf). Requests queued later (a deeper wave) form the next batch.
/// </summary>
internal sealed class FeatureBatchLoader(FeatureServer server)
{
    private readonly Lock _gate = new();
    private Batch _open = new();

    public IDataLoaderResult<ServeOutcome> Load(FeatureRequest request)
    {
        lock (_gate)
        {
            var index = _open.Requests.Count;
            _open.Requests.Add(request);
            return new Pending(this, _open, index);
        }
    }

    private Task<IReadOnlyList<ServeOutcome>> RunAsync(Batch batch, CancellationToken cancellationToken)
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

        public Task<IReadOnlyList<ServeOutcome>>? Running { get; set; }
    }

    private sealed class Pending(FeatureBatchLoader loader, Batch batch, int index) : IDataLoaderResult<ServeOutcome>
    {
        public async Task<ServeOutcome> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.RunAsync(batch, cancellationToken))[index];

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
