using System.Globalization;
using System.Text.Json.Nodes;

namespace FeatureStore.Benchmarks.Data;

/// <summary>One of the benchmark's features of <c>user</c>: numeric or categorical, as a user would define it.</summary>
internal sealed record BenchmarkFeature(int Index, string Name, bool IsNumeric)
{
    public const string EntityType = "user";

    public static IReadOnlyList<string> Categories { get; } =
        ["greeting", "booking", "pricing", "support", "complaint", "cancellation", "information", "other"];

    /// <summary><paramref name="count"/> features, three numeric to two categorical (6 + 4 of 10).</summary>
    public static IReadOnlyList<BenchmarkFeature> Create(int count) =>
        [.. Enumerable.Range(0, count).Select(i => i % 5 < 3
            ? new BenchmarkFeature(i, string.Create(CultureInfo.InvariantCulture, $"user:bench_num_{i:00}"), true)
            : new BenchmarkFeature(i, string.Create(CultureInfo.InvariantCulture, $"user:bench_cat_{i:00}"), false))];

    public string ValueType => IsNumeric ? "numeric" : "categorical";

    /// <summary>The definition, as JSON, the way definitions in features/ are written.</summary>
    public JsonObject Definition() => new()
    {
        ["name"] = Name,
        ["version"] = "1.0.0",
        ["entityType"] = EntityType,
        ["valueType"] = IsNumeric
            ? new JsonObject { ["kind"] = "numeric" }
            : new JsonObject { ["kind"] = "categorical", ["allowedValues"] = new JsonArray([.. Categories.Select(c => (JsonNode)c)]) },
        ["description"] = "Synthetic feature of the serving benchmark.",
        ["owner"] = "benchmark",
        ["tags"] = new JsonArray("benchmark"),
        ["computation"] = new JsonObject { ["source"] = "benchmark", ["aggregation"] = IsNumeric ? "avg" : "mode", ["field"] = "x" },
        ["refresh"] = "daily",
        // Longer than the history window: every current value is fresh (stale: false).
        ["ttl"] = "60d",
    };
}
