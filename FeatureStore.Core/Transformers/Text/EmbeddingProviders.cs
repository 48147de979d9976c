namespace FeatureStore.Core.Transformers.Text;

/// <summary>Builds the embedding provider the configuration names (<see cref="EmbeddingOptions"/>).</summary>
public static class EmbeddingProviders
{
    /// <summary>
    /// The provider <paramref name="options"/> choose. For "openai", requests go through
    /// <paramref name="http"/> when given (the caller owns it, e.g. one from IHttpClientFactory with
    /// resilience), else through a client the provider creates and disposes.
    /// </summary>
    /// <exception cref="ArgumentException">The options name an unknown provider or lack a setting it needs.</exception>
    public static IEmbeddingProvider Create(EmbeddingOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (string.Equals(options.Provider, HashingEmbedder.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            return new HashingEmbedder();
        }

        if (http is not null)
        {
            return new OpenAiCompatibleEmbedder(http, options.OpenAi);
        }

        // Connections are recycled so a DNS change behind BaseUrl is picked up without a restart.
        var owned = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.OpenAi.Timeout,
        };
        return new OpenAiCompatibleEmbedder(owned, options.OpenAi, ownsHttp: true);
    }
}
