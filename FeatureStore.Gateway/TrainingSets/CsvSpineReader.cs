using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// Reads a CSV spine (RFC 4180: a header naming <c>id</c> and <c>timestamp</c>, in any order, quoted fields
/// allowed) one row at a time, as UTF-8 bytes straight from the request's pipe: a spine is staged before the first
/// row goes out, so its parsing is time the client waits. Other columns are not used; <see cref="IgnoredColumns"/>
/// names them. A byte-order mark says the encoding (UTF-8, or UTF-16/32, transcoded); lines end with LF, CRLF or
/// CR, and a line break inside a quoted field reads as LF.
/// </summary>
internal sealed class CsvSpineReader(PipeReader body, long maxRows)
{
    // A row is at least an id, a comma, a timestamp of 20 characters and a line break: at most about 680 rows of a
    // slice, a list of 1,024 rows (24 KB), far under the 85,000-byte large-object threshold.
    private const int SliceBytes = 1 << 14;

    private readonly CsvRecords _records = new(maxRows);

    /// <summary>The header's columns other than id and timestamp (known once the header is read).</summary>
    public IReadOnlyList<string> IgnoredColumns => _records.IgnoredColumns;

    public async IAsyncEnumerable<SpineRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var input = await Utf8Async(body, cancellationToken);
        var rows = new List<SpineRow>();
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken);
            foreach (var segment in read.Buffer)
            {
                // A slice at a time: one read can hold a whole spine, and a list of all its rows would be a new
                // large object per export (the collector's full background collections follow those).
                for (var start = 0; start < segment.Length; start += SliceBytes)
                {
                    _records.Read(segment.Span.Slice(start, Math.Min(SliceBytes, segment.Length - start)), rows);
                    foreach (var row in rows)
                    {
                        yield return row;
                    }

                    rows.Clear();
                }
            }

            input.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                _records.Complete(rows);
                foreach (var row in rows)
                {
                    yield return row;
                }

                break;
            }
        }
    }

    // Like StreamReader with detectEncodingFromByteOrderMarks: UTF-8 unless a byte-order mark says otherwise; the mark is not data.
    private static async Task<PipeReader> Utf8Async(PipeReader body, CancellationToken cancellationToken)
    {
        var read = await body.ReadAtLeastAsync(4, cancellationToken);
        var start = read.Buffer.Slice(0, Math.Min(4, read.Buffer.Length)).ToArray();
        Encoding? encoding = start switch
        {
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            [0xFF, 0xFE, 0, 0] => Encoding.UTF32,
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0, 0, 0xFE, 0xFF] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            _ => null,
        };
        body.AdvanceTo(read.Buffer.Start);
        var utf8 = encoding is null ? body : PipeReader.Create(Encoding.CreateTranscodingStream(body.AsStream(), encoding, Encoding.UTF8));
        read = await utf8.ReadAtLeastAsync(3, cancellationToken);
        var bom = read.Buffer.Length >= 3 && read.Buffer.Slice(0, 3).ToArray() is [0xEF, 0xBB, 0xBF];
        utf8.AdvanceTo(bom ? read.Buffer.GetPosition(3) : read.Buffer.Start);
        return utf8;
    }
}
