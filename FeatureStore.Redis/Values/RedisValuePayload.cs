using System.Text.Json;
using FeatureStore.Core.Values;

namespace FeatureStore.Redis.Values;

/// <summary>A value as stored in a hash field: <c>{"v":value,"ver":"1.2.0","from":ms,"at":ms}</c> (Unix milliseconds).</summary>
internal static class RedisValuePayload
{
    public static string Write(StoredValue value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("v");
            value.Value.WriteTo(json);
            json.WriteString("ver", value.Version);
            json.WriteNumber("from", value.ValidFrom.ToUnixTimeMilliseconds());
            json.WriteNumber("at", value.ComputedAt.ToUnixTimeMilliseconds());
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static StoredValue Read(FeatureKey key, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        return new StoredValue(
            key,
            root.GetProperty("ver").GetString()!,
            root.GetProperty("v").Clone(),
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("from").GetInt64()),
            null,
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("at").GetInt64()));
    }
}
