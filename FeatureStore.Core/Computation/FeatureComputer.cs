using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Transformers.Aggregation;
using FeatureStore.Core.Transformers.Temporal;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Computation;

/// <summary>
/// Computes a feature's value for one entity as of an instant from that entity's source rows:
/// the one implementation of every catalog feature, called by the batch, streaming and on-demand
/// paths alike (so they cannot disagree). Rows after the instant are never seen.
/// </summary>
public sealed class FeatureComputer(IEmbeddingProvider embeddings)
{
    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);

    /// <summary>The value of <paramref name="feature"/> for <paramref name="entityId"/> as of <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">The definition names no implementation, or a row has a value of the wrong shape (a bad row).</exception>
    /// <exception cref="EmbeddingProviderException">The embedding provider failed.</exception>
    public async Task<JsonElement> ComputeAsync(FeatureSpec feature, string entityId, EntitySources sources, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(sources);
        var computation = feature.Computation;
        if (RequestTimeTransforms.Handles(computation))
        {
            return RequestTimeTransforms.Compute(computation, at);
        }

        if (MessageContextTransforms.Handles(feature))
        {
            return MessageContextTransforms.Compute(feature, entityId, sources, at);
        }

        if (TextTransforms.Handles(computation))
        {
            // A per-message feature: the entity is the message, and it must exist by then.
            var message = sources.Messages.FirstOrDefault(m => m.Id == entityId && m.SentAt <= at);
            return message is null ? Null : (await TextTransforms.ComputeAsync(feature, [message.Text], embeddings, cancellationToken))[0];
        }

        if (computation.Aggregation == "ratio")
        {
            var denominator = computation.Parameters.TryGetValue("denominator", out var source) ? source
                : throw new ArgumentException($"{feature.Name}: a ratio needs a 'denominator' source parameter", nameof(feature));
            return Aggregators.Ratio(Count(computation, computation.Source, sources, at), Count(computation, denominator, sources, at));
        }

        if (Aggregators.Handles(computation))
        {
            var rows = SourceFields.Rows(computation.Source, sources).Where(r => SourceFields.Matches(r.Row, computation.Filters)).ToList();
            return Aggregators.Compute(computation, await ValuesAsync(feature, rows, cancellationToken), at);
        }

        throw new ArgumentException($"{feature.Name}: no implementation of '{computation.Aggregation}' over {computation.Source}", nameof(feature));
    }

    private static long Count(ComputationSpec computation, string source, EntitySources sources, DateTimeOffset at) =>
        Aggregators.InWindow(computation, SourceFields.Rows(source, sources).Where(r => SourceFields.Matches(r.Row, computation.Filters)).Select(r => new SourceValue(r.At, default)), at).LongCount();

    // The aggregated field of each row; embeddings of message text come from the provider in one batch.
    private async Task<List<SourceValue>> ValuesAsync(FeatureSpec feature, List<(DateTimeOffset At, object Row)> rows, CancellationToken cancellationToken)
    {
        var field = feature.Computation.Field;
        if (field is null)
        {
            return [.. rows.Select(r => new SourceValue(r.At, default))];
        }

        if (field != TextTransforms.Embedding)
        {
            return [.. rows.Select(r => new SourceValue(r.At, SourceFields.Value(r.Row, field)))];
        }

        if (feature.Value is not { Kind: FeatureValueType.Vector, Dimension: > 0 and var dimension })
        {
            throw new ArgumentException($"{feature.Name}: aggregating embeddings needs a vector feature with a dimension", nameof(feature));
        }

        var texts = rows.Select(r => SourceFields.Value(r.Row, "text").GetString() ?? "").ToList();
        var vectors = texts.Count == 0 ? [] : await embeddings.EmbedAsync(texts, dimension, cancellationToken);
        return [.. rows.Select((r, i) => new SourceValue(r.At, JsonSerializer.SerializeToElement(vectors[i])))];
    }
}
