using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Postgres's binary COPY format for the export's rows, spoken directly: an entity id (text), an instant
/// (timestamptz) and, for history, a value (jsonb). The export moves millions of rows each way, and going through
/// Npgsql's per-column readers and writers cost more per row than the database did; here a row is a few length
/// prefixes around bytes that are copied as they are. Format: a header, then per row a field count and each
/// field as a length and bytes (big-endian), then -1 (https://www.postgresql.org/docs/current/sql-copy.html).
/// </summary>
internal static class BinaryCopy
{
    /// <summary>Strict, as Npgsql is: an id that is not valid Unicode fails the staging rather than changing.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // "PGCOPY\n\xff\r\n\0"
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private const int HeaderLength = 19; // signature, flags, extension length
    private const int JsonbVersion = 1;
    private const long PostgresEpochTicks = 630_822_816_000_000_000; // 2000-01-01T00:00:00Z

    /// <summary>Postgres's timestamptz (microseconds since 2000) from UTC ticks, truncated as Npgsql truncates.</summary>
    public static long ToPostgres(long utcTicks) => (utcTicks - PostgresEpochTicks) / 10;

    /// <summary>UTC ticks from Postgres's timestamptz; infinities become the extremes, as Npgsql reads them.</summary>
    public static long FromPostgres(long micros) => micros switch
    {
        long.MaxValue => DateTime.MaxValue.Ticks,
        long.MinValue => DateTime.MinValue.Ticks,
        _ => (micros * 10) + PostgresEpochTicks,
    };

    public static int WriteHeader(Span<byte> buffer)
    {
        Signature.CopyTo(buffer);
        BinaryPrimitives.WriteInt32BigEndian(buffer[11..], 0);
        BinaryPrimitives.WriteInt32BigEndian(buffer[15..], 0);
        return HeaderLength;
    }

    /// <summary>Bytes a spine row takes: field count, id, timestamp.</summary>
    public static int SpineRowLength(int idBytes) => 2 + 4 + idBytes + 4 + 8;

    /// <summary>Writes a spine row whose UTF-8 id is already at <c>buffer[6..]</c>; returns its length.</summary>
    public static int WriteSpineRow(Span<byte> buffer, int idBytes, long utcTicks)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer, 2);
        BinaryPrimitives.WriteInt32BigEndian(buffer[2..], idBytes);
        BinaryPrimitives.WriteInt32BigEndian(buffer[(6 + idBytes)..], 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(10 + idBytes)..], ToPostgres(utcTicks));
        return SpineRowLength(idBytes);
    }

    public static int WriteTrailer(Span<byte> buffer)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer, -1);
        return 2;
    }

    /// <summary>
    /// Reads a COPY TO of (entity_id, instant[, jsonb value]) into batches; the caller feeds it bytes as they come.
    /// </summary>
    public sealed class Reader(bool withValues)
    {
        private bool _headerRead;

        /// <summary>True once the trailer was read.</summary>
        public bool Done { get; private set; }

        /// <summary>True when the last <see cref="Read"/> stopped because the batch was full.</summary>
        public bool BatchFull { get; private set; }

        /// <summary>
        /// Adds every whole row of <paramref name="data"/> to <paramref name="batch"/> until the batch is full or
        /// the data runs out; returns the bytes used (a row cut off at the end waits for more data).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Read(ReadOnlySpan<byte> data, EntityRowBatch batch)
        {
            BatchFull = false;
            var used = 0;
            if (!_headerRead)
            {
                if (data.Length < HeaderLength)
                {
                    return 0;
                }

                if (!data[..Signature.Length].SequenceEqual(Signature))
                {
                    throw new InvalidDataException("the COPY data does not start with the binary signature");
                }

                used = HeaderLength + BinaryPrimitives.ReadInt32BigEndian(data[15..]);
                if (data.Length < used)
                {
                    return 0;
                }

                _headerRead = true;
            }

            while (!Done && data.Length - used >= 2)
            {
                var row = data[used..];
                var fields = BinaryPrimitives.ReadInt16BigEndian(row);
                if (fields == -1)
                {
                    Done = true;
                    return used + 2;
                }

                if (fields != (withValues ? 3 : 2))
                {
                    throw new InvalidDataException($"a COPY row with {fields} fields, expected {(withValues ? 3 : 2)}");
                }

                var position = 2;
                (int Start, int Length) value = default;
                if (!TryField(row, ref position, out var id) || !TryField(row, ref position, out var instant)
                    || (withValues && !TryField(row, ref position, out value)))
                {
                    return used; // cut off: the rest comes with the next read
                }

                if (instant.Length != 8)
                {
                    throw new InvalidDataException($"a timestamptz of {instant.Length} bytes in the COPY data");
                }

                var json = withValues ? Json(row.Slice(value.Start, value.Length)) : default;
                if (!batch.TryAdd(row.Slice(id.Start, id.Length), FromPostgres(BinaryPrimitives.ReadInt64BigEndian(row.Slice(instant.Start, 8))), json))
                {
                    BatchFull = true;
                    return used;
                }

                used += position;
            }

            return used;
        }

        // jsonb's binary form is a version byte, then the JSON text.
        private static ReadOnlySpan<byte> Json(ReadOnlySpan<byte> field) =>
            field.Length > 0 && field[0] == JsonbVersion ? field[1..] : throw new InvalidDataException("unknown jsonb format version");

        private static bool TryField(ReadOnlySpan<byte> row, ref int position, out (int Start, int Length) field)
        {
            field = default;
            if (row.Length - position < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(row[position..]);
            if (length < 0)
            {
                throw new InvalidDataException("a NULL in the export's COPY data, where the columns are NOT NULL");
            }

            if (row.Length - position - 4 < length)
            {
                return false;
            }

            field = (position + 4, length);
            position += 4 + length;
            return true;
        }
    }
}
