namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// Turns texts into vectors for <c>embedding</c> features. Batch by design: remote models are called
/// once per batch, not once per message. Every path (batch, streaming, on-demand) uses the one provider
/// the configuration chooses, so a feature's vectors all come from one model.
/// </summary>
public interface IEmbeddingProvider
{
    /// <summary>The provider's configuration name ("hashing", "openai"), recorded with what it computed.</summary>
    string Name { get; }

    /// <summary>One vector of <paramref name="dimension"/> components per text, in the order of <paramref name="texts"/>.</summary>
    /// <exception cref="EmbeddingProviderException">The provider failed or answered with the wrong shape.</exception>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, int dimension, CancellationToken cancellationToken);
}
