using Microsoft.Extensions.Hosting;

namespace FeatureStore.Core.Hosting;

/// <summary>
/// Returned by <see cref="FeatureStoreHostingExtensions.AddFeatureStore"/> so adapters can chain:
/// <c>builder.AddFeatureStore().AddPostgresOfflineStore("featurestore").AddRedisOnlineStore("cache")</c>.
/// </summary>
/// <param name="Host">The application builder the adapters register into.</param>
public sealed record FeatureStoreBuilder(IHostApplicationBuilder Host);
