using System.Text;
using System.Text.Json;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// Writes the export as CSV: <c>id,timestamp,&lt;feature...&gt;</c>. Numbers and booleans as
/// written, strings unquoted from JSON, arrays and objects as JSON text, no value as an empty field.
/// Rows are gathered into 64 KB chunks and written asynchronously.
/// </summary>
internal sealed class CsvTrainingSetWriter(Stream output, IReadOnlyList<string> columns) : ITrainingSetWriter, IAsyncDisposable
{
    private const int ChunkSize = 1 << 16;
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(false), ChunkSize * 2);
    private readonly StringBuilder _chunk = new(ChunkSize + 4096);

    public async ValueTask WriteHeaderAsync(CancellationToken cancellationToken)
    {
        _chunk.Append("id,timestamp");
        foreach (var column in columns)
        {
            _chunk.Append(',');
            AppendField(column);
        }

        _chunk.Append('\n');
        await FlushAsync(cancellationToken);
    }

    public async ValueTask WriteRowAsync(SpineRow row, string?[] values, CancellationToken cancellationToken)
    {
        AppendField(row.EntityId);
        _chunk.Append(',').Append(SpineTimestamps.Format(row.Timestamp));
        foreach (var json in values)
        {
            _chunk.Append(',');
            AppendValue(json);
        }

        _chunk.Append('\n');
        if (_chunk.Length >= ChunkSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _writer.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.WriteAsync(_chunk, cancellationToken);
        _chunk.Clear();
    }

    private void AppendValue(string? json)
    {
        if (json is null or "null")
        {
            return;
        }

        if (json[0] != '"')
        {
            // Numbers and booleans never need quoting; arrays and objects hold commas and quotes.
            if (json[0] is '[' or '{')
            {
                AppendField(json);
            }
            else
            {
                _chunk.Append(json);
            }

            return;
        }

        AppendField(json.Contains('\\', StringComparison.Ordinal) ? JsonSerializer.Deserialize<string>(json)! : json[1..^1]);
    }

    // RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes.
    private void AppendField(string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            _chunk.Append(text);
            return;
        }

        _chunk.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
