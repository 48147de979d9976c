using FeatureStore.Core.Registry;
using FeatureStore.Postgres.Data;
using FeatureStore.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Postgres.Tests;

/// <summary>Migrations never lose what earlier schemas held: values and registered features survive an upgrade.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class MigrationDataTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Upgrading_from_the_first_schema_keeps_every_value_and_versions_existing_features()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("upgrade");
        using var host = MigratedDatabase.BuildHost(connectionString, infrastructure.Redis.ConnectionString);
        var contexts = host.Services.GetRequiredService<IDbContextFactory<FeatureStoreDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("InitialSchema");
        }

        await Sql.ExecuteAsync(connectionString, """
            INSERT INTO ai_feature_registry (id, name, feature_type, entity_type, description, refresh_schedule)
            VALUES ('00000000-0000-0000-0000-000000000001', 'user:booking_rate', 'numeric', 'user', 'legacy', 'daily');
            INSERT INTO ai_feature_values_offline (feature_id, entity_type, entity_id, value, value_type, valid_from)
            VALUES ('00000000-0000-0000-0000-000000000001', 'user', 'u1', '0.25', 'numeric', '2026-01-01T00:00:00Z'),
                   ('00000000-0000-0000-0000-000000000001', 'user', 'u1', '0.5', 'numeric', '2026-02-01T00:00:00Z');
            INSERT INTO ai_feature_values_online (feature_id, entity_type, entity_id, value, computed_at)
            VALUES ('00000000-0000-0000-0000-000000000001', 'user', 'u1', '0.5', '2026-02-01T00:00:00Z');
            INSERT INTO ai_feature_registry (id, name, feature_type, entity_type, description, refresh_schedule)
            VALUES ('00000000-0000-0000-0000-000000000002', 'msg:embedding', 'vector', 'message', 'legacy', 'real-time');
            INSERT INTO ai_feature_values_online (feature_id, entity_type, entity_id, value, computed_at)
            VALUES ('00000000-0000-0000-0000-000000000002', 'message', 'm1', '[0.5, 0.25, 1]', '2026-02-01T00:00:00Z'),
                   ('00000000-0000-0000-0000-000000000002', 'message', 'm2', '"not a vector"', '2026-02-01T00:00:00Z');
            """);

        await host.Services.GetRequiredService<Schema.SchemaMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal(2, await Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM ai_feature_values_offline WHERE version_major = 1 AND version = '1.0.0'"));
        // The history's key became its lookup index, taken over with the rows it already held (no uuid id left).
        Assert.Equal(
            ["idx_feature_values_offline_lookup PRIMARY KEY (feature_id, version_major, entity_type, entity_id, valid_from)"],
            await Sql.StringsAsync(connectionString, "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ai_feature_values_offline'::regclass AND contype = 'p'"));
        Assert.Equal(1, await Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM ai_feature_values_online WHERE version_major = 1 AND value = '0.5'"));
        // Current vectors are copied into the pgvector table that similarity search reads; malformed ones are left out.
        Assert.Equal(["m1 [0.5,0.25,1]"], await Sql.StringsAsync(connectionString, "SELECT entity_id || ' ' || embedding::text FROM ai_feature_vectors"));
        var feature = await host.Services.GetRequiredService<IFeatureRegistry>().FindAsync("user:booking_rate", CancellationToken.None);
        Assert.NotNull(feature);
        Assert.Equal("1.0.0", feature.ActiveVersion.ToString());
        Assert.Equal("legacy", feature.Active.Spec.Description);
    }
}
