using FeatureStore.Core.Registry;
using FeatureStore.Postgres.Data;
using Microsoft.EntityFrameworkCore;

namespace FeatureStore.Postgres.Registry;

internal sealed class PostgresFeatureRegistryReader(IDbContextFactory<FeatureStoreDbContext> contexts) : IFeatureRegistryReader
{
    public async Task<IReadOnlyList<FeatureDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.FeatureRegistry.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return rows.Select(ToDefinition).ToList();
    }

    private static FeatureDefinition ToDefinition(FeatureRegistryRow row)
    {
        // The table's check constraint admits only known wire names, so a miss is a corrupt row.
        if (!FeatureValueTypes.TryParse(row.FeatureType, out var valueType))
        {
            throw new InvalidOperationException($"Feature '{row.Name}' has an unknown feature_type '{row.FeatureType}'.");
        }

        return new FeatureDefinition(row.Name, row.EntityType, valueType.Value, row.Description, row.Owner, row.Tags, row.IsActive);
    }
}
