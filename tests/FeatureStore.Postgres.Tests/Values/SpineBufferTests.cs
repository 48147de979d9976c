using System.Text;
using FeatureStore.Postgres.Values;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>A spine sorted in memory is in the order Postgres's "C" collation would give it, at Postgres's precision.</summary>
public sealed class SpineBufferTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rows_sort_by_code_point_then_instant_and_keep_duplicates()
    {
        var buffer = new SpineBuffer();
        // U+FFFD sorts before U+1F600 by code point, after it by UTF-16 code unit (a surrogate, 0xD83D).
        foreach (var (id, hours) in new[] { ("b", 1), ("\U0001F600", 0), ("\uFFFD", 0), ("a", 2), ("b", 0), ("a", 2), ("B", 5) })
        {
            buffer.Add(id, Noon.AddHours(hours));
        }

        buffer.Sort();

        Assert.Equal(["B +5", "a +2", "a +2", "b +0", "b +1", "\uFFFD +0", "\U0001F600 +0"], Rows(buffer));
    }

    [Fact]
    public void Instants_are_cut_to_the_microsecond_and_an_ordered_spine_stays_as_sent_in_batches()
    {
        var buffer = new SpineBuffer();
        for (var i = 0; i < 5_000; i++)
        {
            buffer.Add($"u{i:D5}", Noon.AddTicks(7));
        }

        buffer.Sort();

        Assert.Equal(Noon.UtcTicks, buffer.UtcTicks(0));
        var batches = buffer.Batches().ToList();
        Assert.Equal([2_048, 2_048, 904], batches.Select(b => b.Count));
        Assert.Equal("u02048", Encoding.UTF8.GetString(batches[1].EntityId(0).Span));
        Assert.Equal(0, batches[2].Value(903).Length);
    }

    [Fact]
    public void A_buffer_grown_past_its_first_arrays_keeps_every_row_and_once_disposed_refuses_rows_and_reads()
    {
        // 100,000 rows grow both pooled arrays many times over; a disposed buffer's arrays are back in the pool, so
        // it must neither take rows nor hand out batches (never a spine cut short without a word).
        var buffer = new SpineBuffer();
        for (var i = 99_999; i >= 0; i--)
        {
            buffer.Add($"entity-{i:D6}", Noon);
        }

        buffer.Sort();
        Assert.Equal(100_000, buffer.Count);
        Assert.Equal("entity-000000", Encoding.UTF8.GetString(buffer.Id(0)));
        Assert.Equal("entity-099999", Encoding.UTF8.GetString(buffer.Id(99_999)));
        var batches = buffer.Batches().GetEnumerator();
        Assert.True(batches.MoveNext());

        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => batches.MoveNext());
        Assert.Throws<ObjectDisposedException>(() => buffer.Add("u1", Noon));
        Assert.Throws<ObjectDisposedException>(() => buffer.Batches().ToList());
        buffer.Dispose(); // twice is harmless
    }

    private static List<string> Rows(SpineBuffer buffer) =>
        [.. Enumerable.Range(0, buffer.Count).Select(i => $"{Encoding.UTF8.GetString(buffer.Id(i))} +{(buffer.UtcTicks(i) - Noon.UtcTicks) / TimeSpan.TicksPerHour}")];
}
