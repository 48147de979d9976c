using System.Text.Json;
using FeatureStore.Core.Values;

namespace FeatureStore.Redis.Values;

/// <summary>A value as stored in a hash field: <c>{"v":value,"ver":"1.2.0","from":µs,"at":µs}</c> (Unix microseconds, Postgres' precision).</summary>
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
            json.WriteNumber("from", Micros(value.ValidFrom));
            json.WriteNumber("at", Micros(value.ComputedAt));
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
            FromMicros(root.GetProperty("from").GetInt64()),
            null,
            FromMicros(root.GetProperty("at").GetInt64()));
    }

    public static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
}
