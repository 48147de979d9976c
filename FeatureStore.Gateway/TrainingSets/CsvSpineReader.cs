using System.Runtime.CompilerServices;
using System.Text;
using FeatureStore.Core.Errors;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// Reads a CSV spine (RFC 4180: a header naming <c>id</c> and <c>timestamp</c>, in any order,
/// quoted fields allowed) one row at a time. Other columns are not used; <see cref="IgnoredColumns"/> names them.
/// </summary>
internal sealed class CsvSpineReader(Stream body, long maxRows)
{
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    public async IAsyncEnumerable<SpineRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var header = await ReadRecordAsync(reader, cancellationToken)
            ?? throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, "the CSV is empty: expected a header with id and timestamp");
        var names = header.Select(h => h.Trim()).ToList();
        var id = names.FindIndex(n => n.Equals("id", StringComparison.OrdinalIgnoreCase));
        var timestamp = names.FindIndex(n => n.Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        if (id < 0 || timestamp < 0)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"the CSV header must name columns id and timestamp; it has: {string.Join(", ", names)}");
        }

        IgnoredColumns = [.. names.Where((_, i) => i != id && i != timestamp)];
        long row = 0;
        while (await ReadRecordAsync(reader, cancellationToken) is { } fields)
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line (often the last one)
            }

            if (++row > maxRows)
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {maxRows} rows per export");
            }

            if (fields.Count != names.Count)
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"row {row}: {fields.Count} fields, but the header has {names.Count}");
            }

            if (fields[id].Length == 0)
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"row {row}: id is empty");
            }

            yield return new SpineRow(fields[id], SpineTimestamps.Parse(fields[timestamp], row));
        }
    }

    // One record; a quoted field may hold commas, doubled quotes and line breaks. Null at the end.
    private static async Task<List<string>?> ReadRecordAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted)
                {
                    break;
                }

                // The quoted field goes on past the line break.
                line = await reader.ReadLineAsync(cancellationToken)
                    ?? throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, "the CSV ends inside a quoted field");
                field.Append('\n');
                i = -1;
                continue;
            }

            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
