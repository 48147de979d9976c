namespace FeatureStore.Core.Transformers.Text;

/// <summary>Which embedding provider computes <c>embedding</c> features (section <c>FeatureStore:Embeddings</c>).</summary>
public sealed class EmbeddingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FeatureStore:Embeddings";

    /// <summary>"hashing" (default: local, deterministic, offline) or "openai" (any OpenAI-compatible /embeddings endpoint).</summary>
    public string Provider { get; set; } = HashingEmbedder.ProviderName;

    /// <summary>Settings used when <see cref="Provider"/> is "openai".</summary>
    public OpenAiEmbeddingOptions OpenAi { get; set; } = new();

    /// <summary>What is wrong with these settings, or null when they can build a provider.</summary>
    public string? Problem()
    {
        if (string.Equals(Provider, HashingEmbedder.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.Equals(Provider, OpenAiCompatibleEmbedder.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            return $"{Section}:Provider '{Provider}' is not known; use {HashingEmbedder.ProviderName} or {OpenAiCompatibleEmbedder.ProviderName}";
        }

        return OpenAi switch
        {
            { BaseUrl: null or { IsAbsoluteUri: false } } => $"{Section}:OpenAi:BaseUrl must be an absolute URL (e.g. https://api.openai.com/v1)",
            { Model: null or "" } => $"{Section}:OpenAi:Model must name the embedding model",
            { MaxBatchSize: <= 0 } => $"{Section}:OpenAi:MaxBatchSize must be positive",
            { Timeout: var t } when t <= TimeSpan.Zero && t != System.Threading.Timeout.InfiniteTimeSpan => $"{Section}:OpenAi:Timeout must be positive",
            _ => null,
        };
    }
}
