using FeatureStore.Postgres.Schema;

namespace FeatureStore.Compute.Startup;

/// <summary>
/// Compute's start-up work, in order: apply migrations (Compute owns the schema, as aspire-shop's
/// DbManager does), seed an empty registry, then load the demo dataset into empty source tables. Retries while Postgres is unreachable; the
/// <c>startup</c> health check turns healthy when done, which the launcher and the others wait for.
/// </summary>
internal sealed class StartupService(SchemaMigrator migrator, CatalogSeeder seeder, DemoDataSeeder demo, StartupState state, ILogger<StartupService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                state.Report("migrating the schema");
                var applied = await migrator.MigrateAsync(stoppingToken);
                logger.LogInformation("Schema ready ({Count} migration(s) applied by this replica)", applied.Count);
                state.Report("seeding the registry");
                await seeder.SeedAsync(stoppingToken);
                state.Report("loading the demo dataset");
                await demo.SeedAsync(stoppingToken);
                state.Done();
                return;
            }
            catch (Npgsql.NpgsqlException error)
            {
                state.Report($"waiting for Postgres: {error.Message}");
                logger.LogWarning("Start-up work failed ({Message}); retrying in {Delay}", error.Message, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
