using System.Globalization;
using FeatureStore.Core.Values;

namespace FeatureStore.Postgres.Values;

/// <summary>A stripe's unlogged marks as read now (<see cref="TrainingSetSql.LineRanges"/>).</summary>
internal sealed record StripeRange(int Stripe, long UnloggedBy, long UnloggedWrites, long RangeAfter, string? Low, string? High);

/// <summary>
/// Where the unlogged writes a kept copy did not see can have changed rows: the entity ranges of the stripes marked
/// since it was read (<see cref="OfflineSql.MarkLines"/>), merged. A stripe's range covers its unlogged writes after
/// its <see cref="StripeRange.RangeAfter"/>-th; a copy that saw fewer than that, or a stripe changed in a way the
/// count does not show (a writer from before ranges were kept), gives null: scan the whole line.
/// </summary>
internal static class UnloggedRanges
{
    /// <param name="keptUnlogged">The kept copy's unlogged marks (<see cref="LineMarks.Unlogged"/>).</param>
    /// <param name="now">Every stripe of the line with an unlogged mark, read now.</param>
    public static IReadOnlyList<(string Low, string High)>? Since(string keptUnlogged, IReadOnlyList<StripeRange> now)
    {
        var kept = Parse(keptUnlogged);
        var ranges = new List<(string Low, string High)>();
        foreach (var stripe in now)
        {
            var (by, writes) = kept.GetValueOrDefault(stripe.Stripe);
            if (by == stripe.UnloggedBy && writes == stripe.UnloggedWrites)
            {
                continue;
            }

            if (stripe.UnloggedWrites <= writes || writes < stripe.RangeAfter || stripe.Low is null || stripe.High is null)
            {
                return null;
            }

            ranges.Add((stripe.Low, stripe.High));
        }

        return Merge(ranges);
    }

    // Overlapping ranges become one, so no row is scanned twice.
    private static List<(string Low, string High)> Merge(List<(string Low, string High)> ranges)
    {
        ranges.Sort((a, b) => CodePointOrder.Instance.Compare(a.Low, b.Low));
        var merged = new List<(string Low, string High)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && CodePointOrder.Instance.Compare(range.Low, merged[^1].High) <= 0)
            {
                if (CodePointOrder.Instance.Compare(range.High, merged[^1].High) > 0)
                {
                    merged[^1] = (merged[^1].Low, range.High);
                }
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    // "stripe:unlogged_by:unlogged_writes,..." (TrainingSetSql.LineMarks).
    private static Dictionary<int, (long By, long Writes)> Parse(string marks)
    {
        var stripes = new Dictionary<int, (long By, long Writes)>();
        foreach (var mark in marks.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = mark.Split(':');
            stripes[int.Parse(parts[0], CultureInfo.InvariantCulture)] =
                (long.Parse(parts[1], CultureInfo.InvariantCulture), parts.Length > 2 ? long.Parse(parts[2], CultureInfo.InvariantCulture) : 0);
        }

        return stripes;
    }
}
