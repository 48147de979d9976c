using System.Text.Json;

namespace FeatureStore.Postgres.Drift;

/// <summary>How drift records' typed parts (tests, contributions, baseline samples) are kept in jsonb columns: camelCase, as the API shows them.</summary>
internal static class DriftJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"a stored drift record holds null where {typeof(T).Name} was expected");

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
