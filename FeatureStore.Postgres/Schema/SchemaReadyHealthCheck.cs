using FeatureStore.Postgres.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeatureStore.Postgres.Schema;

/// <summary>
/// Ready only when every migration this build knows is applied. Services that do not own the
/// schema (Gateway, Drift) report unhealthy until the Compute service has migrated it, so the
/// launcher and orchestrators hold traffic back instead of serving errors.
/// </summary>
internal sealed class SchemaReadyHealthCheck(IDbContextFactory<FeatureStoreDbContext> contexts) : IHealthCheck
{
    private volatile bool _ready;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return HealthCheckResult.Healthy("schema is up to date");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"waiting for {pending.Count} migration(s), applied by the compute service: {string.Join(", ", pending)}");
        }

        // Migrations only move forward while this process runs, so a ready schema stays ready.
        _ready = true;
        return HealthCheckResult.Healthy("schema is up to date");
    }
}
