using FeatureStore.Postgres.Values;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>Which entity ranges hold what the unlogged writes since a kept copy changed, from the stripes' marks.</summary>
public sealed class UnloggedRangesTests
{
    [Fact]
    public void Stripes_unchanged_since_the_copy_give_no_range()
    {
        var ranges = UnloggedRanges.Since("3:100:2", [new StripeRange(3, 100, 2, 0, "a", "c")]);

        Assert.Equal([], ranges!);
    }

    [Fact]
    public void A_stripe_written_since_gives_its_range_and_overlapping_ranges_merge()
    {
        var ranges = UnloggedRanges.Since("3:100:2", [
            new StripeRange(3, 107, 4, 1, "k", "p"), // two writes since, inside the stripe's range
            new StripeRange(5, 107, 1, 0, "m", "r"), // a stripe the copy saw no unlogged write of
            new StripeRange(9, 107, 1, 0, "b", "c"),
        ]);

        Assert.Equal([("b", "c"), ("k", "r")], ranges!);
    }

    [Fact]
    public void Ranges_are_ordered_by_code_point_as_the_store_orders_ids()
    {
        // U+FF21 (fullwidth A) sorts after U+1F600 in UTF-16 order, before it by code point.
        var ranges = UnloggedRanges.Since("", [new StripeRange(1, 7, 1, 0, "\U0001F600", "\U0001F600"), new StripeRange(2, 7, 1, 0, "\uFF21", "\uFF21")]);

        Assert.Equal([("\uFF21", "\uFF21"), ("\U0001F600", "\U0001F600")], ranges!);
    }

    [Theory]
    [InlineData(107, 5, 4, "a", "c")] // the range covers the writes after the 4th: the copy saw only 2
    [InlineData(107, 2, 0, "a", "c")] // the writer changed but the count did not (a writer that keeps no ranges)
    [InlineData(107, 3, 0, null, "c")] // no range recorded
    public void A_stripe_whose_range_does_not_cover_every_write_since_the_copy_means_the_whole_line(long by, long writes, long rangeAfter, string? low, string? high)
    {
        Assert.Null(UnloggedRanges.Since("3:100:2", [new StripeRange(3, by, writes, rangeAfter, low, high)]));
    }
}
