using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Computation.Streaming;

/// <summary>The entities whose features new source rows may change, by entity type (the same mapping as <see cref="ISourceReader.ChangedEntitiesAsync"/>).</summary>
public static class AffectedEntities
{
    /// <summary>Entity ids per type, each sorted in code-point order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(SourceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ids = ComputedEntityTypes.All.ToDictionary(t => t, _ => new SortedSet<string>(StringComparer.Ordinal));
        void Add(string? tenant, string? user, string? conversation, string? message)
        {
            Put(ComputedEntityTypes.Tenant, tenant);
            Put(ComputedEntityTypes.User, user);
            Put(ComputedEntityTypes.Conversation, conversation);
            Put(ComputedEntityTypes.Message, message);
        }

        void Put(string type, string? id)
        {
            if (id is not null)
            {
                ids[type].Add(id);
            }
        }

        foreach (var m in batch.Messages)
        {
            Add(m.TenantId, m.UserId, m.ConversationId, m.Id);
        }

        foreach (var c in batch.Conversations)
        {
            Add(c.TenantId, c.UserId, c.Id, null);
        }

        foreach (var f in batch.Feedback)
        {
            Add(f.TenantId, f.UserId, f.ConversationId, null);
        }

        foreach (var b in batch.Bookings)
        {
            Add(b.TenantId, b.UserId, b.ConversationId, null);
        }

        return ids.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value]);
    }
}
