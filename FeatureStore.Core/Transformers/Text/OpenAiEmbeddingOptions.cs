namespace FeatureStore.Core.Transformers.Text;

/// <summary>Settings of <see cref="OpenAiCompatibleEmbedder"/> (section <c>FeatureStore:Embeddings:OpenAi</c>).</summary>
public sealed class OpenAiEmbeddingOptions
{
    /// <summary>The API root the <c>/embeddings</c> path is appended to, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The model to ask for, e.g. text-embedding-3-small.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a Bearer token when set; local servers often need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Whether to send the feature's dimension as <c>dimensions</c>. OpenAI's text-embedding-3 models shorten
    /// their vectors to it; servers whose model has a fixed size may refuse it: turn it off for those.
    /// </summary>
    public bool SendDimensions { get; set; } = true;

    /// <summary>The most texts sent in one request (OpenAI accepts up to 2048).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
