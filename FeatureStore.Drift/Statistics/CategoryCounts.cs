namespace FeatureStore.Drift.Statistics;

/// <summary>Counts of labels, in ordinal order so that reports, tests and plots list them the same way.</summary>
public static class CategoryCounts
{
    /// <summary>How often each label occurs in <paramref name="labels"/>.</summary>
    public static IReadOnlyDictionary<string, int> Of(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        return counts;
    }

    /// <summary>Every label of either count, in ordinal order.</summary>
    public static IReadOnlyList<string> Union(IReadOnlyDictionary<string, int> first, IReadOnlyDictionary<string, int> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return first.Keys.Union(second.Keys).Order(StringComparer.Ordinal).ToArray();
    }
}
