using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// Writes the export as CSV: <c>id,timestamp,&lt;feature...&gt;</c>. Numbers and booleans as written, strings
/// unquoted from JSON, arrays and objects as JSON text, no value as an empty field. Rows go as UTF-8 straight into
/// the response's pipe (ids and values are UTF-8 already: nothing becomes a string), sent every 64 KB.
/// </summary>
internal sealed class CsvTrainingSetWriter(PipeWriter output, IReadOnlyList<string> columns) : ITrainingSetWriter
{
    private const int SendEvery = 1 << 16;
    private long _buffered;

    public async ValueTask WriteHeaderAsync(CancellationToken cancellationToken)
    {
        var header = new StringBuilder("id,timestamp");
        foreach (var column in columns)
        {
            header.Append(',').Append(CsvFields.Quote(column));
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(header.Append('\n').ToString()), cancellationToken);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool WriteRow(ReadOnlySpan<byte> entityId, DateTimeOffset timestamp, ReadOnlySpan<ReadOnlyMemory<byte>> values)
    {
        // One span for the whole row, as big as it can get: every field quoted with every byte doubled.
        var most = CsvFields.MaxLength(entityId.Length) + 1 + SpineTimestamps.Utf8Length + 1;
        foreach (var value in values)
        {
            most += 1 + CsvFields.MaxLength(value.Length);
        }

        var row = output.GetSpan(most);
        var length = CsvFields.Write(row, entityId);
        row[length++] = (byte)',';
        length += SpineTimestamps.FormatUtf8(timestamp, row[length..]);
        foreach (var value in values)
        {
            row[length++] = (byte)',';
            length += WriteValue(row[length..], value.Span);
        }

        row[length++] = (byte)'\n';
        output.Advance(length);
        _buffered += length;
        return _buffered >= SendEvery;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _buffered = 0;
        await output.FlushAsync(cancellationToken);
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WriteValue(Span<byte> destination, ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty || json.SequenceEqual("null"u8))
        {
            return 0;
        }

        if (json[0] != (byte)'"')
        {
            // Numbers and booleans never need quoting; arrays and objects hold commas and quotes.
            if (json[0] is (byte)'[' or (byte)'{')
            {
                return CsvFields.Write(destination, json);
            }

            json.CopyTo(destination);
            return json.Length;
        }

        if (json.IndexOf((byte)'\\') < 0)
        {
            return CsvFields.Write(destination, json[1..^1]);
        }

        // Escaped strings are rare: unescaped (never longer than escaped) into a rented buffer, then written as a field.
        var scratch = ArrayPool<byte>.Shared.Rent(json.Length);
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            return CsvFields.Write(destination, scratch.AsSpan(0, reader.CopyString(scratch)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
