using FeatureStore.Core.Values;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>Feature keys as the parallel arrays <see cref="OfflineSql"/> unnests (feature ids resolved).</summary>
internal sealed record KeyColumns(Guid[] FeatureIds, int[] Lines, string[] EntityTypes, string[] EntityIds)
{
    public static KeyColumns Of(IReadOnlyList<FeatureKey> keys, IReadOnlyDictionary<string, Guid> ids) =>
        new([.. keys.Select(k => ids[k.Feature])], [.. keys.Select(k => k.ValueLine)], [.. keys.Select(k => k.EntityType)], [.. keys.Select(k => k.EntityId)]);

    /// <summary>The keys at these positions, in this order.</summary>
    public KeyColumns At(IReadOnlyList<int> positions) =>
        new([.. positions.Select(i => FeatureIds[i])], [.. positions.Select(i => Lines[i])], [.. positions.Select(i => EntityTypes[i])], [.. positions.Select(i => EntityIds[i])]);

    public void AddTo(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("feature_ids", FeatureIds);
        command.Parameters.AddWithValue("lines", Lines);
        command.Parameters.AddWithValue("entity_types", EntityTypes);
        command.Parameters.AddWithValue("entity_ids", EntityIds);
    }
}
