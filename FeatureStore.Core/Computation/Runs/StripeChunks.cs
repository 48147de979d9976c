using FeatureStore.Core.Values;

namespace FeatureStore.Core.Computation.Runs;

/// <summary>
/// Splits a job's entities into work items made of whole <see cref="EntityStripes"/>: items then share no stripe, so
/// replicas working neighbouring items (they claim in order) write side by side instead of in turn. An item holds up
/// to the given size unless one stripe alone is larger (a stripe is never split: that would make two items share it).
/// </summary>
internal static class StripeChunks
{
    public static IEnumerable<IReadOnlyList<string>> Split(string entityType, IEnumerable<string> ids, int size)
    {
        var item = new List<string>();
        foreach (var stripe in ids.GroupBy(id => EntityStripes.Of(entityType, id)).OrderBy(g => g.Key))
        {
            var members = stripe.ToList();
            if (item.Count > 0 && item.Count + members.Count > size)
            {
                yield return InIdOrder(item);
                item = [];
            }

            item.AddRange(members);
        }

        if (item.Count > 0)
        {
            yield return InIdOrder(item);
        }
    }

    // Ids in code-point order, as the source and value indexes hold them: an item's reads and writes walk them in order.
    private static string[] InIdOrder(List<string> ids)
    {
        var ordered = ids.ToArray();
        Array.Sort(ordered, StringComparer.Ordinal);
        return ordered;
    }
}
