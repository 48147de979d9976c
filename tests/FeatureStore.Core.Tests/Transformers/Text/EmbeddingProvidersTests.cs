using FeatureStore.Core.Transformers.Text;
using Microsoft.Extensions.Configuration;

namespace FeatureStore.Core.Tests.Transformers.Text;

public sealed class EmbeddingProvidersTests
{
    [Fact]
    public void The_default_is_the_local_hashing_embedder()
    {
        Assert.IsType<HashingEmbedder>(EmbeddingProviders.Create(new EmbeddingOptions()));
        Assert.Equal("hashing", EmbeddingProviders.Create(Bind([])).Name);
    }

    [Fact]
    public void Openai_is_chosen_by_configuration()
    {
        var options = Bind(new()
        {
            ["FeatureStore:Embeddings:Provider"] = "OpenAI",
            ["FeatureStore:Embeddings:OpenAi:BaseUrl"] = "http://127.0.0.1:11434/v1",
            ["FeatureStore:Embeddings:OpenAi:Model"] = "all-minilm",
            ["FeatureStore:Embeddings:OpenAi:Timeout"] = "00:00:05",
            ["FeatureStore:Embeddings:OpenAi:SendDimensions"] = "false",
        });

        using var provider = Assert.IsType<OpenAiCompatibleEmbedder>(EmbeddingProviders.Create(options));
        Assert.Equal("openai", provider.Name);
        Assert.Equal(TimeSpan.FromSeconds(5), options.OpenAi.Timeout);
        Assert.False(options.OpenAi.SendDimensions);
    }

    [Theory]
    [InlineData("bert", null, null, "hashing or openai")]
    [InlineData("openai", null, "m", "BaseUrl")]
    [InlineData("openai", "http://127.0.0.1:1/v1", null, "Model")]
    public void Incomplete_or_unknown_settings_are_refused_naming_what_is_missing(string provider, string? baseUrl, string? model, string expected)
    {
        var options = new EmbeddingOptions { Provider = provider, OpenAi = { BaseUrl = baseUrl is null ? null : new Uri(baseUrl), Model = model } };

        Assert.Contains(expected, options.Problem(), StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => EmbeddingProviders.Create(options)).Message, StringComparison.Ordinal);
    }

    private static EmbeddingOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>()
            ?? new EmbeddingOptions();
}
