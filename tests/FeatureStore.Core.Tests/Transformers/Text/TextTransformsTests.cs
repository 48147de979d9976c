using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Tests.Transformers.Text;

public sealed class TextTransformsTests
{
    [Theory]
    [InlineData("token_count", true)]
    [InlineData("contains_question", true)]
    [InlineData("sentiment", true)]
    [InlineData("embedding", true)]
    [InlineData("count", false)]
    [InlineData("hour_of_day", false)]
    public void The_catalog_text_aggregations_are_handled(string aggregation, bool handled) =>
        Assert.Equal(handled, TextTransforms.Handles(TextSpecs.Computation(aggregation)));

    [Fact]
    public void Synchronous_transformers_give_json_values_of_their_feature_types()
    {
        const string Text = "¿Tienen citas mañana? ¡Gracias!";

        Assert.Equal(TokenCounter.Count(Text), TextTransforms.Compute(TextSpecs.Computation("token_count", new() { ["tokenizer"] = "cl100k_base" }), Text).GetInt32());
        Assert.True(TextTransforms.Compute(TextSpecs.Computation("contains_question"), Text).GetBoolean());
        Assert.Equal(SentimentScorer.Score(Text), TextTransforms.Compute(TextSpecs.Computation("sentiment"), Text).GetDouble());
    }

    [Fact]
    public void A_missing_text_is_null_and_an_empty_one_is_a_value()
    {
        Assert.Equal(JsonValueKind.Null, TextTransforms.Compute(TextSpecs.Computation("sentiment"), null).ValueKind);
        Assert.Equal(0, TextTransforms.Compute(TextSpecs.Computation("token_count"), "").GetInt32());
        Assert.False(TextTransforms.Compute(TextSpecs.Computation("contains_question"), "").GetBoolean());
    }

    [Fact]
    public void Embedding_is_not_synchronous_and_other_aggregations_are_not_text()
    {
        Assert.Contains("ComputeAsync", Assert.Throws<ArgumentException>(() => TextTransforms.Compute(TextSpecs.Computation("embedding"), "hola")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TextTransforms.Compute(TextSpecs.Computation("count"), "hola"));
    }

    [Fact]
    public async Task Embeddings_come_from_the_provider_at_the_feature_dimension_with_nulls_kept()
    {
        var feature = Feature("embedding", new FeatureValueSchema(FeatureValueType.Vector, Dimension: 384));

        var values = await TextTransforms.ComputeAsync(feature, ["hola", null, ""], new HashingEmbedder(), CancellationToken.None);

        Assert.Equal(HashingEmbedder.Embed("hola", 384), values[0].EnumerateArray().Select(c => c.GetSingle()));
        Assert.Equal(JsonValueKind.Null, values[1].ValueKind);
        Assert.Equal(384, values[2].GetArrayLength());
    }

    [Fact]
    public async Task The_batch_entry_point_computes_synchronous_features_too()
    {
        var values = await TextTransforms.ComputeAsync(
            Feature("contains_question", new FeatureValueSchema(FeatureValueType.Boolean)), ["what time?", "ok"], new HashingEmbedder(), CancellationToken.None);

        Assert.Equal([true, false], values.Select(v => v.GetBoolean()));
    }

    [Fact]
    public async Task An_embedding_feature_must_declare_a_vector_dimension()
    {
        var feature = Feature("embedding", new FeatureValueSchema(FeatureValueType.Numeric));

        await Assert.ThrowsAsync<ArgumentException>(() => TextTransforms.ComputeAsync(feature, ["hola"], new HashingEmbedder(), CancellationToken.None));
    }

    [Fact]
    public void The_message_catalog_definitions_are_text_transformers_or_the_classifiers_context_features()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Features, "message"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var aggregation = json.RootElement.GetProperty("computation").GetProperty("aggregation").GetString()!;
            var context = json.RootElement.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == "context");
            Assert.True(context ? !TextTransforms.Handles(TextSpecs.Computation(aggregation)) : TextTransforms.Handles(TextSpecs.Computation(aggregation)), file);
        }
    }

    private static FeatureSpec Feature(string aggregation, FeatureValueSchema value) =>
        new("msg:test", new SemanticVersion(1, 0, 0), "message", value, null, null, [], TextSpecs.Computation(aggregation), "real-time", null);
}
