using FeatureStore.Postgres.Data;
using Microsoft.EntityFrameworkCore;

namespace FeatureStore.Postgres.Registry;

/// <summary>
/// Runs a registry change in one transaction holding the registry's advisory lock, so concurrent
/// applies, rollbacks and splits take turns and each plans against what the last one committed.
/// Retried as a whole on transient failures (EF's execution strategy).
/// </summary>
internal static class RegistryTransaction
{
    // Any constant shared by all writers; this one spells "fs-regis" in ASCII.
    private const long RegistryLockKey = 0x66_73_2D_72_65_67_69_73;

    public static async Task<T> RunAsync<T>(IDbContextFactory<FeatureStoreDbContext> contexts, Func<FeatureStoreDbContext, CancellationToken, Task<T>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RegistryLockKey})", ct);
            var result = await change(db, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
