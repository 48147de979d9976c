namespace FeatureStore.Core.Transformers.Text;

/// <summary>An embedding provider failed (unreachable, an HTTP error) or answered with the wrong shape (count, dimension).</summary>
public sealed class EmbeddingProviderException : Exception
{
    /// <summary>A failure with no detail.</summary>
    public EmbeddingProviderException()
        : base("the embedding provider failed")
    {
    }

    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public EmbeddingProviderException(string message)
        : base(message)
    {
    }

    /// <summary>A failure described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public EmbeddingProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
