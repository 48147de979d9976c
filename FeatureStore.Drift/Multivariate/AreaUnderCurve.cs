using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Multivariate;

/// <summary>The ROC AUC as the Mann–Whitney statistic, with its significance against chance.</summary>
public static class AreaUnderCurve
{
    /// <summary>
    /// The chance that a random positive scores above a random negative (ties count half):
    /// (rank sum of the positives − n₊(n₊ + 1)/2) / (n₊ · n₋), with tied scores given their mean rank.
    /// </summary>
    public static double Compute(IReadOnlyList<float> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                end++;
            }

            var meanRank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                rankSum += positive[order[i]] ? meanRank : 0;
            }

            start = end;
        }

        double positives = positive.Count(p => p), negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("both classes need at least one row", nameof(positive));
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>
    /// P(AUC ≥ <paramref name="auc"/>) when the scores carry no information, by the normal approximation
    /// with variance (n₊ + n₋ + 1) / (12 n₊ n₋). Ties would lower that variance, so ignoring them only overstates the p-value.
    /// </summary>
    public static double PValue(double auc, int positives, int negatives)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(positives);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(negatives);
        var deviation = Math.Sqrt((positives + negatives + 1.0) / (12.0 * positives * negatives));
        var z = (auc - 0.5) / deviation;

        // P(|Z| ≥ |z|) is the χ²₁ tail of z²; one side of it is half.
        var twoSided = ChiSquare.Survival(z * z, 1);
        return z > 0 ? twoSided / 2 : 1 - (twoSided / 2);
    }
}
