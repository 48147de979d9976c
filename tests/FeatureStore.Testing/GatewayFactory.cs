using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Testing;

/// <summary>
/// The real gateway in-process, on a real Postgres database and Redis; <paramref name="services"/>
/// may decorate its stores, <paramref name="settings"/> override configuration keys.
/// </summary>
public sealed class GatewayFactory(string postgresConnectionString, string redisConnectionString, Action<IServiceCollection>? services = null, string? redisKeyPrefix = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:featurestore", postgresConnectionString);
        builder.UseSetting("ConnectionStrings:cache", redisConnectionString);
        // Test classes share one Redis; a prefix per gateway keeps their values apart.
        builder.UseSetting("FeatureStore:Redis:KeyPrefix", redisKeyPrefix ?? "t" + Guid.NewGuid().ToString("N")[..12]);
        builder.UseEnvironment("Production");
        // A warm-up racing a test's first read would make "first read misses" a coin toss; tests that want it turn it on.
        builder.UseSetting("FeatureStore:Cache:WarmUp", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
