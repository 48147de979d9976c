using FeatureStore.Core.Serving;
using FeatureStore.Gateway.GraphQL;
using GraphQL.DataLoader;

namespace FeatureStore.Gateway.DataLoaders;

/// <summary>
/// What a FeatureValue field resolves to: the queued outcome, turned into the value (passing its
/// deprecation warning to the response) or into that field's error.
/// </summary>
internal sealed class ServedValueResult(IDataLoaderResult<ServeOutcome> pending, RequestContext request) : IDataLoaderResult<ServedValue>
{
    public async Task<ServedValue> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await pending.GetResultAsync(cancellationToken);
        if (outcome.Error is { } error)
        {
            throw error;
        }

        if (outcome.Value!.Warning is { } warning)
        {
            request.Warn("DEPRECATED_VERSION", warning);
        }

        return outcome.Value;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
