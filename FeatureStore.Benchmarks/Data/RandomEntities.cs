namespace FeatureStore.Benchmarks.Data;

/// <summary>Which entities a request asks for: uniformly at random, distinct within one request.</summary>
internal static class RandomEntities
{
    public static int[] Distinct(Random random, int count, int entities)
    {
        ArgumentNullException.ThrowIfNull(random);
        count = Math.Min(count, entities);
        var chosen = new HashSet<int>(count);
        while (chosen.Count < count)
        {
            chosen.Add(random.Next(entities));
        }

        return [.. chosen];
    }
}
