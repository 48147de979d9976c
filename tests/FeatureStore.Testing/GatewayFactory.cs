using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FeatureStore.Testing;

/// <summary>The real gateway in-process, on a real Postgres database and Redis.</summary>
public sealed class GatewayFactory(string postgresConnectionString, string redisConnectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:featurestore", postgresConnectionString);
        builder.UseSetting("ConnectionStrings:cache", redisConnectionString);
        builder.UseEnvironment("Production");
    }
}
