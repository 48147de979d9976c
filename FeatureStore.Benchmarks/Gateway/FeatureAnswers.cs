using System.Text;
using System.Text.Json;
using FeatureStore.Benchmarks.Data;

namespace FeatureStore.Benchmarks.Gateway;

/// <summary>
/// Checks a gateway answer against the dataset: no <c>errors</c>, every entity and feature present,
/// none MISSING, and every value the one the dataset holds (now, or as of the instant asked).
/// Throws on the first difference: a benchmark that measures errors is worthless.
/// </summary>
internal static class FeatureAnswers
{
    public static SourceCounts Check(byte[] body, ServingDataset data, IReadOnlyList<int> entities, long? asOfMicros)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(entities);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors))
        {
            throw Wrong(body, "the answer has errors: " + errors.GetRawText());
        }

        var answer = root.GetProperty("data");
        var list = answer.TryGetProperty("entities", out var many) ? many : default;
        var counts = new SourceCounts();
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = list.ValueKind == JsonValueKind.Array ? list[i] : answer.GetProperty("entity");
            var features = entity.GetProperty("features");
            if (features.GetArrayLength() != data.Features.Count)
            {
                throw Wrong(body, $"entity {i} has {features.GetArrayLength()} features, not {data.Features.Count}");
            }

            for (var f = 0; f < data.Features.Count; f++)
            {
                var served = features[f];
                var source = served.GetProperty("source").GetString();
                var version = asOfMicros is { } asOf ? data.VersionAt(entities[i], f, asOf) : data.CurrentVersion(entities[i], f);
                var expected = data.Value(entities[i], f, version);
                if (source == "MISSING" || !Matches(served.GetProperty("value"), expected))
                {
                    throw Wrong(body, $"{ServingDataset.EntityId(entities[i])} {data.Features[f].Name}: expected {expected} (version {version}), got {served.GetRawText()}");
                }

                counts = counts.Add(source);
            }
        }

        return counts;
    }

    public static bool Matches(JsonElement value, object expected) => expected switch
    {
        double number => value.ValueKind == JsonValueKind.Number && value.GetDouble() == number,
        string text => value.ValueKind == JsonValueKind.String && value.GetString() == text,
        _ => false,
    };

    /// <summary>Throws unless a <c>writeFeatureValues</c> answer has no errors and wrote <paramref name="count"/> values.</summary>
    public static void CheckWritten(byte[] answer, int count)
    {
        using var document = JsonDocument.Parse(answer);
        if (document.RootElement.TryGetProperty("errors", out _)
            || document.RootElement.GetProperty("data").GetProperty("writeFeatureValues").GetProperty("written").GetInt32() != count)
        {
            throw Wrong(answer, "the write failed");
        }
    }

    public static InvalidOperationException Wrong(byte[] body, string problem)
    {
        var text = Encoding.UTF8.GetString(body);
        return new InvalidOperationException($"wrong answer from the gateway: {problem}{Environment.NewLine}answer: {text[..Math.Min(text.Length, 600)]}");
    }
}
