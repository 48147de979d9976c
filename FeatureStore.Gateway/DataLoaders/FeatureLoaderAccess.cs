using GraphQL;

namespace FeatureStore.Gateway.DataLoaders;

/// <summary>
/// The request's <see cref="FeatureBatchLoader"/> for resolvers. The HTTP endpoint puts it in the user
/// context once, so a list of 100 entities does not look it up in the request's service scope 100
/// times (a locked lookup each, visible in profiles of the gateway under load).
/// </summary>
internal static class FeatureLoaderAccess
{
    private const string Key = "featurestore.featureLoader";

    /// <summary>Puts the request's loader where <see cref="FeatureLoader"/> finds it.</summary>
    public static void AddFeatureLoader(this IDictionary<string, object?> userContext, IServiceProvider requestServices) =>
        userContext[Key] = requestServices.GetRequiredService<FeatureBatchLoader>();

    /// <summary>The request's loader, which <see cref="AddFeatureLoader"/> put in the user context.</summary>
    public static FeatureBatchLoader FeatureLoader(this IResolveFieldContext context) =>
        (FeatureBatchLoader)context.UserContext[Key]!;
}
