using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Transformers.Aggregation;

/// <summary>
/// The aggregations of the catalog, one implementation each, for batch, streaming and on-demand
/// alike. A computation's window keeps rows with <c>at - window &lt; At &lt;= at</c> (no window: every
/// row up to <c>at</c>); rows after <c>at</c> never count, so a value computed as of a past instant
/// is the value that was true then. Null field values are skipped (and counted by no aggregation
/// but <c>count</c>); an aggregation over nothing is null, except counts, which are 0.
/// </summary>
public static class Aggregators
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "count", "sum", "avg", "min", "max", "mode", "distinct_count", "ordered_array", "distribution", "centroid", "latest",
    };

    /// <summary>True when <paramref name="computation"/> is one of these aggregations.</summary>
    public static bool Handles(ComputationSpec computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        return Names.Contains(computation.Aggregation);
    }

    /// <summary>The rows inside the computation's window as of <paramref name="at"/>.</summary>
    public static IEnumerable<SourceValue> InWindow(ComputationSpec computation, IEnumerable<SourceValue> rows, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(computation);
        var from = computation.Window is { } window ? at - window : DateTimeOffset.MinValue;
        return rows.Where(r => r.At <= at && r.At > from);
    }

    /// <summary>The aggregation of <paramref name="rows"/> as of <paramref name="at"/>, as a JSON value (null when there is nothing to aggregate).</summary>
    /// <exception cref="ArgumentException">The aggregation is not one of these, or a row's value has the wrong shape (the caller counts it as a bad row).</exception>
    public static JsonElement Compute(ComputationSpec computation, IEnumerable<SourceValue> rows, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(computation);
        var window = InWindow(computation, rows, at).OrderBy(r => r.At).ToList();
        var present = window.Where(r => r.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)).ToList();
        JsonNode? result = computation.Aggregation switch
        {
            "count" => window.Count,
            "sum" => present.Sum(r => Number(r.Value)),
            "avg" => present.Count == 0 ? null : present.Average(r => Number(r.Value)),
            "min" => present.Count == 0 ? null : present.Min(r => Number(r.Value)),
            "max" => present.Count == 0 ? null : present.Max(r => Number(r.Value)),
            "mode" => Mode(present),
            "distinct_count" => present.Select(r => Key(r.Value)).Distinct(StringComparer.Ordinal).Count(),
            "ordered_array" => OrderedArray(computation, present),
            "distribution" => Distribution(present),
            "centroid" => Centroid(present),
            "latest" => present.Count == 0 ? null : JsonNode.Parse(present[^1].Value.GetRawText()),
            _ => throw new ArgumentException($"'{computation.Aggregation}' is not an aggregation", nameof(computation)),
        };
        return JsonSerializer.SerializeToElement(result);
    }

    /// <summary>numerator / denominator as a float, null when the denominator is 0 (a rate of nothing is unknown, not 0).</summary>
    public static JsonElement Ratio(long numerator, long denominator) =>
        JsonSerializer.SerializeToElement(denominator == 0 ? (double?)null : (double)numerator / denominator);

    // The most frequent value; ties go to the one seen most recently (the user's current habit), then ordinal order.
    private static JsonNode? Mode(List<SourceValue> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var winner = rows.Select((r, i) => (Key: Key(r.Value), Row: r, Index: i))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(x => x.Index)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
        return JsonNode.Parse(winner.First().Row.Value.GetRawText());
    }

    // Oldest first by default; "order": "desc" gives newest first. "limit" keeps the most recent N either way.
    private static JsonArray OrderedArray(ComputationSpec computation, List<SourceValue> rows)
    {
        IEnumerable<SourceValue> kept = rows;
        if (computation.Parameters.TryGetValue("limit", out var text))
        {
            var limit = int.Parse(text, CultureInfo.InvariantCulture);
            kept = rows.Skip(Math.Max(0, rows.Count - limit));
        }

        if (computation.Parameters.TryGetValue("order", out var order) && order == "desc")
        {
            kept = kept.Reverse();
        }

        return new JsonArray([.. kept.Select(r => JsonNode.Parse(r.Value.GetRawText()))]);
    }

    // Share of each value, keys in ordinal order so equal inputs give byte-equal JSON.
    private static JsonObject? Distribution(List<SourceValue> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var shares = new JsonObject();
        foreach (var group in rows.GroupBy(r => Key(r.Value), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            shares[group.Key] = (double)group.Count() / rows.Count;
        }

        return shares;
    }

    private static JsonArray? Centroid(List<SourceValue> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var vectors = rows.Select(r => r.Value.ValueKind == JsonValueKind.Array
            ? r.Value.EnumerateArray().Select(Number).ToArray()
            : throw new ArgumentException($"centroid needs vectors, not {r.Value.ValueKind}")).ToList();
        var dimension = vectors[0].Length;
        if (vectors.Any(v => v.Length != dimension))
        {
            throw new ArgumentException($"centroid needs vectors of one dimension; found {string.Join(", ", vectors.Select(v => v.Length).Distinct())}");
        }

        var sum = new double[dimension];
        foreach (var vector in vectors)
        {
            for (var i = 0; i < dimension; i++)
            {
                sum[i] += vector[i];
            }
        }

        return new JsonArray([.. sum.Select(s => (JsonNode)(s / vectors.Count))]);
    }

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetDouble()
        : throw new ArgumentException($"expected a number, not {value.ValueKind} ({value.GetRawText()})");

    // Categories are compared by their text; numbers and booleans by their JSON form.
    private static string Key(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
