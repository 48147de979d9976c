namespace FeatureStore.Drift.Multivariate;

/// <summary>Assigns rows to cross-validation folds so that every fold holds both windows in the same proportion.</summary>
internal static class StratifiedFolds
{
    /// <summary>The fold of each row, 0 to <paramref name="folds"/> − 1.</summary>
    public static int[] Assign(IReadOnlyList<bool> labels, int folds, Random random)
    {
        var fold = new int[labels.Count];
        foreach (var label in new[] { false, true })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(rows);
            for (var position = 0; position < rows.Length; position++)
            {
                fold[rows[position]] = position % folds;
            }
        }

        return fold;
    }
}
