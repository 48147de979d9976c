using FeatureStore.Core.Serving;
using FeatureStore.Gateway.GraphQL;
using GraphQL.DataLoader;

namespace FeatureStore.Gateway.DataLoaders;

/// <summary>
/// What a <c>features(names:)</c> list resolves to: the values in the order asked. A value that failed is
/// an item that fails in turn (a <see cref="FailedValue"/>), so its error keeps its own path and code, exactly
/// as if every item had been loaded on its own; the usual all-served list is plain values, which the engine
/// completes far more cheaply than one pending result per value.
/// </summary>
internal sealed class ServedValuesResult(IDataLoaderResult<IReadOnlyList<ServeOutcome>> pending, RequestContext request) : IDataLoaderResult<IReadOnlyList<object>>
{
    public async Task<IReadOnlyList<object>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = await pending.GetResultAsync(cancellationToken);
        var items = new object[outcomes.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = outcomes[i].Error is { } error ? new FailedValue(error) : ServedValueResult.Accept(outcomes[i].Value!, request);
        }

        return items;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);

    private sealed class FailedValue(Exception error) : IDataLoaderResult<ServedValue>
    {
        public Task<ServedValue> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromException<ServedValue>(error);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromException<object?>(error);
    }
}
