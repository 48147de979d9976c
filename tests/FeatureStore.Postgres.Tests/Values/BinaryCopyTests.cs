using System.Buffers.Binary;
using System.Text;
using FeatureStore.Core.TrainingSets;
using FeatureStore.Postgres.Values;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>
/// The export's binary COPY reader: rows come back whole whatever the chunks the bytes arrive in (a row may be
/// cut anywhere, even inside a length), and batches end where they are full.
/// </summary>
public sealed class BinaryCopyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Spine_rows_written_for_copy_in_read_back_the_same_in_any_chunks(int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 300).Select(i => (Id: i % 3 == 0 ? $"é😀{i}" : new string('u', 1 + random.Next(40)) + i, Ticks: Start.AddTicks(random.NextInt64(1, 1_000_000_000) * 10).UtcTicks)).ToList();
        var copy = new byte[1 << 20];
        var length = BinaryCopy.WriteHeader(copy);
        foreach (var (id, ticks) in rows)
        {
            var idBytes = Encoding.UTF8.GetBytes(id, copy.AsSpan(length + 6));
            length += BinaryCopy.WriteSpineRow(copy.AsSpan(length), idBytes, ticks);
        }

        length += BinaryCopy.WriteTrailer(copy.AsSpan(length));

        var read = ReadInChunks(copy.AsSpan(0, length).ToArray(), withValues: false, random, batchSize: 1 + random.Next(5));

        Assert.Equal(rows.Select(r => $"{r.Id} {r.Ticks} "), read);
    }

    [Fact]
    public void History_rows_keep_their_json_without_the_jsonb_version_byte()
    {
        var copy = new List<byte>();
        copy.AddRange([0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 4, 9, 9, 9, 9]); // a 4-byte header extension
        AddRow(copy, "u1", 0, "1.5");
        AddRow(copy, "u1", 1_000_000, "{\"a\": [1, \"x,y\"]}");
        AddRow(copy, "ü2", -5, "\"text\"");
        copy.AddRange([0xFF, 0xFF]);

        var read = ReadInChunks([.. copy], withValues: true, new Random(5), batchSize: 2);

        Assert.Equal(["u1 630822816000000000 1.5", "u1 630822816010000000 {\"a\": [1, \"x,y\"]}", "ü2 630822815999999950 \"text\""], read);
    }

    private static void AddRow(List<byte> copy, string id, long micros, string json)
    {
        var row = new byte[2 + 4 + Encoding.UTF8.GetByteCount(id) + 4 + 8 + 4 + 1 + Encoding.UTF8.GetByteCount(json)];
        BinaryPrimitives.WriteInt16BigEndian(row, 3);
        var at = 2;
        at += Field(row.AsSpan(at), Encoding.UTF8.GetBytes(id));
        var instant = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(instant, micros);
        at += Field(row.AsSpan(at), instant);
        Field(row.AsSpan(at), [1, .. Encoding.UTF8.GetBytes(json)]);
        copy.AddRange(row);
    }

    private static int Field(Span<byte> destination, byte[] value)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, value.Length);
        value.CopyTo(destination[4..]);
        return 4 + value.Length;
    }

    // Feeds the bytes as a network would: random chunks, the unread tail carried over to the next read.
    private static List<string> ReadInChunks(byte[] copy, bool withValues, Random random, int batchSize)
    {
        var reader = new BinaryCopy.Reader(withValues);
        var rows = new List<string>();
        var batch = new EntityRowBatch(batchSize);
        int start = 0, end = 0;
        while (!reader.Done)
        {
            end = Math.Min(copy.Length, end + 1 + random.Next(60));
            while (true)
            {
                start += reader.Read(copy.AsSpan(start, end - start), batch);
                if (!reader.BatchFull)
                {
                    break;
                }

                rows.AddRange(Rows(batch));
                batch = new EntityRowBatch(batchSize);
            }

            Assert.True(end < copy.Length || reader.Done);
        }

        rows.AddRange(Rows(batch));
        Assert.Equal(copy.Length, start);
        return rows;
    }

    private static IEnumerable<string> Rows(EntityRowBatch batch) => Enumerable.Range(0, batch.Count)
        .Select(i => $"{Encoding.UTF8.GetString(batch.EntityId(i).Span)} {batch.UtcTicks(i)} {Encoding.UTF8.GetString(batch.Value(i).Span)}");
}
