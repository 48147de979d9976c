using FeatureStore.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>Registers the embedding provider for the processes that compute <c>embedding</c> features.</summary>
public static class TextEmbeddingHostingExtensions
{
    /// <summary>
    /// Binds <see cref="EmbeddingOptions"/> from <c>FeatureStore:Embeddings</c> (checked at start-up) and
    /// registers the <see cref="IEmbeddingProvider"/> it names as a singleton: the hashing embedder unless
    /// configured otherwise. Chain after <c>AddFeatureStore()</c>.
    /// </summary>
    public static FeatureStoreBuilder AddTextEmbeddings(this FeatureStoreBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Host.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section)
            .Validate(o => o.Problem() is null, $"{EmbeddingOptions.Section} is invalid: set Provider to hashing, or to openai with OpenAi:BaseUrl and OpenAi:Model")
            .ValidateOnStart();
        builder.Host.Services.TryAddSingleton(sp => EmbeddingProviders.Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        return builder;
    }
}
