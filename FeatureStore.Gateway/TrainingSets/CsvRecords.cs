using System.Runtime.CompilerServices;
using System.Text;
using FeatureStore.Core.Errors;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// The CSV state machine under <see cref="CsvSpineReader"/>, fed bytes as they arrive (a record may span reads):
/// the first record is the header, each later one a spine row. A quote opens a quoted field only as its first
/// character; inside, a doubled quote is a quote and a line break (CRLF, LF or CR) reads as LF; after the closing
/// quote, characters are taken as they come. Of a row, only the id and timestamp fields are kept.
/// </summary>
internal sealed class CsvRecords(long maxRows)
{
    private readonly List<string> _header = [];
    private byte[] _field = new byte[256];
    private int _length;
    private int _fields;
    private int _firstLength;
    private bool _quoted;
    private bool _closingQuote;
    private bool _afterCarriageReturn;
    private bool _started;
    private bool _headerRead;
    private int _id = -1;
    private int _timestamp = -1;
    private byte[] _idBytes = new byte[64];
    private int _idLength;
    private byte[] _previousIdBytes = new byte[64];
    private int _previousIdLength = -1; // no row yet: never equal to an id
    private string _previousId = "";
    private byte[] _timestampBytes = new byte[64];
    private int _timestampLength;
    private long _row;

    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    /// <summary>Reads <paramref name="bytes"/>, adding a row to <paramref name="rows"/> for every record it ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(ReadOnlySpan<byte> bytes, List<SpineRow> rows)
    {
        foreach (var b in bytes)
        {
            if (Step(b))
            {
                EndRecord(rows);
            }
        }
    }

    /// <summary>The input ended: a last record without a line break ends here, and one inside quotes never does.</summary>
    public void Complete(List<SpineRow> rows)
    {
        if (_quoted)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, "the CSV ends inside a quoted field");
        }

        if (_started)
        {
            EndField();
            EndRecord(rows);
        }

        if (!_headerRead)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, "the CSV is empty: expected a header with id and timestamp");
        }
    }

    // One byte; true when it ended a record.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Step(byte b)
    {
        if (_afterCarriageReturn)
        {
            _afterCarriageReturn = false;
            if (b == (byte)'\n')
            {
                return false; // the second half of a CRLF
            }
        }

        _started = true;
        if (_quoted)
        {
            if (b == (byte)'"')
            {
                // Closes the field, unless another quote follows: then it was a doubled quote.
                _quoted = false;
                _closingQuote = true;
            }
            else if (b == (byte)'\r')
            {
                _afterCarriageReturn = true;
                Append((byte)'\n');
            }
            else
            {
                Append(b);
            }

            return false;
        }

        if (_closingQuote)
        {
            _closingQuote = false;
            if (b == (byte)'"')
            {
                _quoted = true;
                Append(b);
                return false;
            }
        }

        switch (b)
        {
            case (byte)'"' when _length == 0:
                _quoted = true;
                return false;
            case (byte)',':
                EndField();
                return false;
            case (byte)'\r' or (byte)'\n':
                _afterCarriageReturn = b == (byte)'\r';
                EndField();
                return true;
            default:
                Append(b);
                return false;
        }
    }

    // Only the fields kept are copied; the others are only measured (an empty one may still open a quote).
    private void Append(byte b)
    {
        if (!_headerRead || _fields == _id || _fields == _timestamp)
        {
            if (_length == _field.Length)
            {
                Array.Resize(ref _field, _field.Length * 2);
            }

            _field[_length] = b;
        }

        _length++;
    }

    private void EndField()
    {
        if (_fields == 0)
        {
            _firstLength = _length;
        }

        if (!_headerRead)
        {
            _header.Add(Encoding.UTF8.GetString(_field, 0, _length));
        }
        else if (_fields == _id)
        {
            Keep(ref _idBytes, out _idLength);
        }
        else if (_fields == _timestamp)
        {
            Keep(ref _timestampBytes, out _timestampLength);
        }

        _fields++;
        _length = 0;
    }

    private void Keep(ref byte[] target, out int length)
    {
        if (target.Length < _length)
        {
            target = new byte[_length];
        }

        _field.AsSpan(0, _length).CopyTo(target);
        length = _length;
    }

    private void EndRecord(List<SpineRow> rows)
    {
        var fields = _fields;
        var blank = fields == 1 && _firstLength == 0;
        _fields = 0;
        _length = 0;
        _started = false;
        if (!_headerRead)
        {
            ReadHeader();
            return;
        }

        if (blank)
        {
            return; // a blank line (often the last one)
        }

        if (++_row > maxRows)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {maxRows} rows per export");
        }

        if (fields != _header.Count)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"row {_row}: {fields} fields, but the header has {_header.Count}");
        }

        if (_idLength == 0)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"row {_row}: id is empty");
        }

        var timestamp = _timestampBytes.AsSpan(0, _timestampLength);
        var instant = SpineTimestamps.TryParseUtf8(timestamp, out var parsed) ? parsed : SpineTimestamps.Parse(Encoding.UTF8.GetString(timestamp), _row);
        // Spines usually hold several instants per entity, one after another: such a row shares the previous id's
        // string. The two id buffers swap, so the next record's id is read into the older one.
        if (_idLength != _previousIdLength || !_idBytes.AsSpan(0, _idLength).SequenceEqual(_previousIdBytes.AsSpan(0, _idLength)))
        {
            _previousId = Encoding.UTF8.GetString(_idBytes, 0, _idLength);
            (_idBytes, _previousIdBytes) = (_previousIdBytes, _idBytes);
            _previousIdLength = _idLength;
        }

        rows.Add(new SpineRow(_previousId, instant));
    }

    private void ReadHeader()
    {
        _headerRead = true;
        var names = _header.Select(h => h.Trim()).ToList();
        _header.Clear();
        _header.AddRange(names);
        _id = names.FindIndex(n => n.Equals("id", StringComparison.OrdinalIgnoreCase));
        _timestamp = names.FindIndex(n => n.Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        if (_id < 0 || _timestamp < 0)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"the CSV header must name columns id and timestamp; it has: {string.Join(", ", names)}");
        }

        IgnoredColumns = [.. names.Where((_, i) => i != _id && i != _timestamp)];
    }
}
