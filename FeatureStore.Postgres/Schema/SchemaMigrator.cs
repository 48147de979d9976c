using FeatureStore.Postgres.Data;
using FeatureStore.Postgres.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FeatureStore.Postgres.Schema;

/// <summary>
/// Applies the EF Core migrations. Several replicas may start at once: a session-level advisory
/// lock makes them take turns, so one applies and the others find nothing left to do.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, IDbContextFactory<FeatureStoreDbContext> contexts, ILogger<SchemaMigrator> logger)
{
    // Any constant shared by all replicas works; this one spells "fs-migr" in ASCII.
    private const long MigrationLockKey = 0x66_73_2D_6D_69_67_72;

    /// <summary>Applies every pending migration; returns the names of those this call applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            // On a new database EF reads the missing history table, logs the failed query at Error level, then treats
            // it as empty: a first start would print two alarming errors. With the table there, nothing fails.
            await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                logger.LogInformation("Schema is up to date");
                return [];
            }

            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
            await context.Database.MigrateAsync(cancellationToken);
            // Types created by migrations (the vector extension) must be visible to pooled connections.
            await lockConnection.ReloadTypesAsync(cancellationToken);
            // Vector lines registered before their indexes existed (upgrades) get them here.
            await VectorIndexes.EnsureAsync(lockConnection, cancellationToken);
            return pending;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
