using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeatureStore.SyntheticData;

/// <summary>Compact JSON objects with readable accents ("depilación", not "depilaci\u00f3n"), properties in the order given.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonObject json) => json.ToJsonString(Options);

    /// <summary>An object of string properties.</summary>
    public static string Strings(params (string Name, string Value)[] properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties)
        {
            json[name] = value;
        }

        return Write(json);
    }
}
