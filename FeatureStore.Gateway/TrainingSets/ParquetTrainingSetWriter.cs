using System.Globalization;
using System.Text;
using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.TrainingSets;
using Parquet;
using Parquet.Schema;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>
/// Writes the export as Parquet, one row group per <see cref="RowGroupSize"/> rows (memory stays
/// bounded): <c>id</c> string, <c>timestamp</c> UTC microseconds, numeric features as double,
/// boolean as boolean, categorical as string, arrays/vectors/json as JSON text. Each row group is
/// encoded into a buffer, then sent to the response asynchronously.
/// </summary>
internal sealed class ParquetTrainingSetWriter : ITrainingSetWriter, IAsyncDisposable
{
    public const int RowGroupSize = 100_000;

    private readonly Stream _output;
    private readonly IReadOnlyList<TrainingSetColumn> _columns;
    private readonly BufferStream _buffer = new();
    private readonly DataField<string> _id = new("id");
    private readonly DateTimeDataField _timestamp = new("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros);
    private readonly DataField[] _features;
    private readonly List<string> _ids = new(RowGroupSize);
    private readonly List<DateTime> _timestamps = new(RowGroupSize);
    private readonly List<string?>[] _values;
    private ParquetWriter? _writer;

    public ParquetTrainingSetWriter(Stream output, IReadOnlyList<TrainingSetColumn> columns)
    {
        _output = output;
        _columns = columns;
        _features = [.. columns.Select(c => c.Kind switch
        {
            FeatureValueType.Numeric => (DataField)new DataField<double?>(c.Reference),
            FeatureValueType.Boolean => new DataField<bool?>(c.Reference),
            _ => new DataField<string>(c.Reference, nullable: true),
        })];
        _values = [.. columns.Select(_ => new List<string?>(RowGroupSize))];
    }

    public bool WriteRow(ReadOnlySpan<byte> entityId, DateTimeOffset timestamp, ReadOnlySpan<ReadOnlyMemory<byte>> values)
    {
        _ids.Add(Encoding.UTF8.GetString(entityId));
        _timestamps.Add(timestamp.UtcDateTime);
        for (var i = 0; i < values.Length; i++)
        {
            _values[i].Add(values[i].IsEmpty ? null : Encoding.UTF8.GetString(values[i].Span));
        }

        return _ids.Count >= RowGroupSize;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        // Row groups are always whole (RowGroupSize rows), whoever asks: the file's layout does not depend on the caller.
        if (_ids.Count >= RowGroupSize)
        {
            await WriteRowGroupAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_ids.Count > 0 || _writer is null)
        {
            await WriteRowGroupAsync(cancellationToken);
        }

        await _writer!.DisposeAsync(); // writes the footer into the buffer
        _writer = null;
        await SendAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }

    private async Task WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        _writer ??= await ParquetWriter.CreateAsync(new ParquetSchema([_id, _timestamp, .. _features]), _buffer, cancellationToken: cancellationToken);
        using (var group = _writer.CreateRowGroup())
        {
            await group.WriteAsync(_id, _ids);
            await group.WriteAsync<DateTime>(_timestamp, _timestamps.ToArray().AsMemory(), cancellationToken: cancellationToken);
            for (var i = 0; i < _columns.Count; i++)
            {
                await WriteColumnAsync(group, _features[i], _columns[i].Kind, _values[i], cancellationToken);
                _values[i].Clear();
            }
        }

        _ids.Clear();
        _timestamps.Clear();
        await SendAsync(cancellationToken);
    }

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, FeatureValueType kind, List<string?> values, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FeatureValueType.Numeric:
                await group.WriteAsync<double>(field, values.Select(v => IsNull(v) ? (double?)null : double.Parse(v!, CultureInfo.InvariantCulture)).ToArray().AsMemory(), cancellationToken: cancellationToken);
                break;
            case FeatureValueType.Boolean:
                await group.WriteAsync<bool>(field, values.Select(v => IsNull(v) ? (bool?)null : v == "true").ToArray().AsMemory(), cancellationToken: cancellationToken);
                break;
            default:
                await group.WriteAsync(field, values.Select(v => IsNull(v) ? null : v![0] == '"' ? JsonSerializer.Deserialize<string>(v) : v).ToList());
                break;
        }
    }

    private static bool IsNull(string? json) => json is null or "null";

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(_buffer.Drain(), cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Collects what the Parquet writer writes, between sends: write-only, with a running
    /// Position (all the writer asks of a stream), so the response needs no seeking.
    /// </summary>
    private sealed class BufferStream : Stream
    {
        private readonly MemoryStream _pending = new();
        private long _position;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _position;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public ReadOnlyMemory<byte> Drain()
        {
            var bytes = _pending.ToArray();
            _pending.SetLength(0);
            return bytes;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _pending.Write(buffer, offset, count);
            _position += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pending.Write(buffer);
            _position += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
