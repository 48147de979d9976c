using System.Buffers;
using System.Text.Json;
using GraphQL;

namespace FeatureStore.Gateway.GraphQL;

/// <summary>
/// Writes a GraphQL response in one piece with its Content-Length. Streamed, a response is chunked:
/// its data and the closing chunk leave as two writes, and the client waits for the second. The
/// response is serialized into a per-thread buffer (serializing never awaits), copied into the
/// response pipe and flushed once; a buffer that grew past <see cref="KeepAtMost"/> is not kept.
/// Buffering costs little memory: GraphQL.NET holds the whole result tree before writing anyway,
/// and the JSON is smaller than that tree (large exports use /training-sets, which streams).
/// </summary>
internal static class ResponseBuffer
{
    private const int KeepAtMost = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static Task WriteAsync(HttpResponse response, GatewaySerializer serializer, ExecutionResult result, CancellationToken cancellationToken)
    {
        var buffer = _buffer ?? new ArrayBufferWriter<byte>(16 * 1024);
        _buffer = null;
        buffer.ResetWrittenCount();
        var options = serializer.Options;
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented }))
        {
            JsonSerializer.Serialize(json, result, options);
        }

        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan);
        if (buffer.Capacity <= KeepAtMost)
        {
            _buffer = buffer;
        }

        return response.BodyWriter.FlushAsync(cancellationToken).AsTask();
    }
}
