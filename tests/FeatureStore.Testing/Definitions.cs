using System.Text.Json;
using System.Text.Json.Nodes;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Testing;

/// <summary>Definitions for tests, written as users write them (JSON), with a field or two changed.</summary>
public static class Definitions
{
    /// <summary>A valid vector definition; <paramref name="change"/> edits its JSON before reading.</summary>
    public static FeatureSpec Embedding(string name = "msg:test_embedding", string version = "1.0.0", Action<JsonObject>? change = null) =>
        Read(new JsonObject
        {
            ["name"] = name,
            ["version"] = version,
            ["entityType"] = "message",
            ["valueType"] = new JsonObject { ["kind"] = "vector", ["dimension"] = 384 },
            ["description"] = "Test embedding",
            ["owner"] = "ml-platform",
            ["tags"] = new JsonArray("embedding", "test"),
            ["computation"] = new JsonObject { ["source"] = "messages", ["aggregation"] = "embedding", ["field"] = "text" },
            ["refresh"] = "real-time",
            ["ttl"] = "30d",
        }, change);

    /// <summary>A valid categorical definition; <paramref name="change"/> edits its JSON before reading.</summary>
    public static FeatureSpec Intent(string name = "user:test_intent", string version = "1.0.0", Action<JsonObject>? change = null) =>
        Read(new JsonObject
        {
            ["name"] = name,
            ["version"] = version,
            ["entityType"] = "user",
            ["valueType"] = new JsonObject { ["kind"] = "categorical", ["allowedValues"] = new JsonArray("booking", "pricing", "support") },
            ["description"] = "Most frequent intent",
            ["owner"] = "conversation-analytics",
            ["computation"] = new JsonObject { ["source"] = "messages", ["aggregation"] = "mode", ["field"] = "intent", ["window"] = "30d" },
            ["refresh"] = "daily",
            ["ttl"] = "2d",
        }, change);

    /// <summary>Reads a definition from JSON, failing the test with every problem if it is invalid.</summary>
    public static FeatureSpec Read(JsonObject json, Action<JsonObject>? change = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        change?.Invoke(json);
        var problems = new List<DefinitionProblem>();
        using var document = JsonDocument.Parse(json.ToJsonString());
        return FeatureSpecJson.Read(document.RootElement, "test", problems)
            ?? throw new InvalidOperationException("test definition is invalid: " + string.Join("; ", problems));
    }
}
