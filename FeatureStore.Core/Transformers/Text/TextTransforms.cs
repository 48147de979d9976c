using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// The text transformers of the catalog by aggregation name, one implementation each, called alike by
/// the batch, streaming and on-demand paths: <c>token_count</c> (<see cref="TokenCounter"/>),
/// <c>contains_question</c> (<see cref="QuestionDetector"/>), <c>sentiment</c> (<see cref="SentimentScorer"/>)
/// and <c>embedding</c> (an <see cref="IEmbeddingProvider"/>). A missing text (null) gives a JSON null:
/// the value is unknown, which differs from an empty message (0 tokens, no question, sentiment 0).
/// </summary>
public static class TextTransforms
{
    /// <summary>The aggregation that needs an <see cref="IEmbeddingProvider"/>.</summary>
    public const string Embedding = "embedding";

    private static readonly HashSet<string> Synchronous = new(StringComparer.Ordinal) { "token_count", "contains_question", "sentiment" };

    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);

    /// <summary>True when <paramref name="computation"/> is one of the text transformers.</summary>
    public static bool Handles(ComputationSpec computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        return Synchronous.Contains(computation.Aggregation) || computation.Aggregation == Embedding;
    }

    /// <summary>True for <c>embedding</c>, which goes through <see cref="ComputeAsync"/> and a provider.</summary>
    public static bool NeedsEmbeddingProvider(ComputationSpec computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        return computation.Aggregation == Embedding;
    }

    /// <summary>The value of a synchronous text transformer for one text: a token count, a boolean or a score in [-1, 1].</summary>
    /// <exception cref="ArgumentException">The aggregation is not a synchronous text transformer (embedding included), or its tokenizer is unknown.</exception>
    public static JsonElement Compute(ComputationSpec computation, string? text)
    {
        ArgumentNullException.ThrowIfNull(computation);
        if (!Synchronous.Contains(computation.Aggregation))
        {
            throw new ArgumentException(
                computation.Aggregation == Embedding
                    ? "'embedding' needs an embedding provider: call ComputeAsync"
                    : $"'{computation.Aggregation}' is not a text transformer",
                nameof(computation));
        }

        if (text is null)
        {
            return Null;
        }

        return computation.Aggregation switch
        {
            "token_count" => JsonSerializer.SerializeToElement(TokenCounter.Count(computation, text)),
            "contains_question" => JsonSerializer.SerializeToElement(QuestionDetector.IsQuestion(text)),
            _ => JsonSerializer.SerializeToElement(SentimentScorer.Score(text)),
        };
    }

    /// <summary>
    /// The values of <paramref name="feature"/> for many texts, in order: every text transformer, the
    /// embedding one included (one provider call for the whole batch, at the feature's vector dimension).
    /// </summary>
    /// <exception cref="ArgumentException">The feature is not a text transformer, or an embedding feature is not a vector with a dimension.</exception>
    /// <exception cref="EmbeddingProviderException">The embedding provider failed.</exception>
    public static async Task<IReadOnlyList<JsonElement>> ComputeAsync(
        FeatureSpec feature, IReadOnlyList<string?> texts, IEmbeddingProvider embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (!NeedsEmbeddingProvider(feature.Computation))
        {
            return texts.Select(t => Compute(feature.Computation, t)).ToList();
        }

        if (feature.Value is not { Kind: FeatureValueType.Vector, Dimension: > 0 and var dimension })
        {
            throw new ArgumentException($"{feature.Name}: an embedding feature must be a vector with a positive dimension", nameof(feature));
        }

        var present = texts.Where(t => t is not null).Select(t => t!).ToList();
        var vectors = present.Count == 0 ? [] : await embeddings.EmbedAsync(present, dimension, cancellationToken);
        if (vectors.Count != present.Count || vectors.Any(v => v.Length != dimension))
        {
            throw new EmbeddingProviderException($"{embeddings.Name} returned {vectors.Count} vectors for {present.Count} texts, or a vector not of dimension {dimension}");
        }

        var next = 0;
        return texts.Select(t => t is null ? Null : JsonSerializer.SerializeToElement(vectors[next++])).ToList();
    }
}
