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

        return Accept(outcome.Value!, request);
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);

    /// <summary>A served value on its way to the response: its deprecation warning goes with it.</summary>
    public static ServedValue Accept(ServedValue value, RequestContext request)
    {
        if (value.Warning is { } warning)
        {
            request.Warn("DEPRECATED_VERSION", warning);
        }

        return value;
    }
}
