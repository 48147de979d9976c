using System.Buffers;
using System.Text.Json;
using FeatureStore.Core.Values;

namespace FeatureStore.Redis.Values;

/// <summary>A value as stored in a hash field: <c>{"v":value,"ver":"1.2.0","from":µs,"at":µs}</c> (Unix microseconds, Postgres' precision).</summary>
internal static class RedisValuePayload
{
    // One buffer and writer per thread, reset for each payload: a batch writes thousands of payloads, and a fresh
    // growing stream, its copy out and a string of it were an embedding's 28 KB of garbage (now its 4 KB bytes).
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? _writer;

    /// <summary>The payload's UTF-8 bytes (Redis stores them as they are).</summary>
    public static byte[] Write(StoredValue value)
    {
        var (buffer, json) = _writer ??= NewWriter();
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WritePropertyName("v");
        value.Value.WriteTo(json);
        json.WriteString("ver", value.Version);
        json.WriteNumber("from", Micros(value.ValidFrom));
        json.WriteNumber("at", Micros(value.ComputedAt));
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        return (buffer, new Utf8JsonWriter(buffer));
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
