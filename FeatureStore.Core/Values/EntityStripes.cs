namespace FeatureStore.Core.Values;

/// <summary>
/// Writers of the same entity's values take turns: every entity falls in one of <see cref="Count"/> stripes, and an
/// offline store serializes writes by stripe. Batch planning cuts work items at stripe boundaries, so two replicas
/// working two items of a job never wait for each other, while a streaming or gateway write of an entity still waits
/// for the batch writing it. The hash is fixed (FNV-1a over the UTF-16 code units), never a per-process one:
/// planners and writers in different processes must agree on every stripe.
/// </summary>
public static class EntityStripes
{
    /// <summary>How many stripes there are: also the most locks one write takes.</summary>
    public const int Count = 256;

    /// <summary>The stripe of an entity.</summary>
    public static int Of(string entityType, string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(entityId);
        var hash = Add(Add(Add(2166136261u, entityType), "/"), entityId);
        return (int)(hash % Count);
    }

    private static uint Add(uint hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
