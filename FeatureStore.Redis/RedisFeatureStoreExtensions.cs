using FeatureStore.Core.Computation.Streaming;
using FeatureStore.Core.Hosting;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;
using FeatureStore.Redis.Streaming;
using FeatureStore.Redis.Values;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeatureStore.Redis;

/// <summary>Registers the Redis adapter the way Aspire.StackExchange.Redis would: one multiplexer, a health check.</summary>
public static class RedisFeatureStoreExtensions
{
    /// <summary>Adds the Redis online store, reading <c>ConnectionStrings:{connectionName}</c> (<c>host:port</c>).</summary>
    public static FeatureStoreBuilder AddRedisOnlineStore(this FeatureStoreBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Host.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName} (the AppHost does this).");

        var options = ConfigurationOptions.Parse(connectionString);
        // Keep reconnecting instead of failing start-up: Redis may come up after us, or restart.
        options.AbortOnConnectFail = false;

        var services = builder.Host.Services;
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var configured = options.Clone();
            configured.LoggerFactory = sp.GetService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(configured);
        });
        services.AddOptions<RedisOnlineStoreOptions>().BindConfiguration(RedisOnlineStoreOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyPrefix) && !o.KeyPrefix.Contains(' ', StringComparison.Ordinal), "FeatureStore:Redis:KeyPrefix must be a non-empty word")
            .ValidateOnStart();
        services.AddSingleton<IOnlineStore, RedisOnlineStore>();
        services.AddSingleton<RedisValueChanges>();
        services.AddSingleton<IValueChanges>(sp => sp.GetRequiredService<RedisValueChanges>());
        services.AddSingleton<IEventStream, RedisEventStream>();
        // Only processes that cache current values need to hear about changes.
        if (builder.Host.Configuration.GetValue<bool>($"{CacheOptions.Section}:Enabled"))
        {
            services.AddHostedService<CacheInvalidationListener>();
            services.AddHostedService<CacheWarmUp>();
        }

        services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: ["ready"]);
        return builder;
    }
}
