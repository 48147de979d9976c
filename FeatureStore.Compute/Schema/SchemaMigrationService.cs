using FeatureStore.Postgres.Schema;

namespace FeatureStore.Compute.Schema;

/// <summary>
/// Applies migrations when Compute starts (Compute owns the schema, as aspire-shop's DbManager
/// does). It retries while Postgres is unreachable; the <c>schema</c> health check turns healthy
/// once it is done, which is what the launcher and the other services wait for.
/// </summary>
internal sealed class SchemaMigrationService(SchemaMigrator migrator, ILogger<SchemaMigrationService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await migrator.MigrateAsync(stoppingToken);
                logger.LogInformation("Schema ready ({Count} migration(s) applied by this replica)", applied.Count);
                return;
            }
            catch (Npgsql.NpgsqlException error)
            {
                logger.LogWarning("Cannot migrate yet ({Message}); retrying in {Delay}", error.Message, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
