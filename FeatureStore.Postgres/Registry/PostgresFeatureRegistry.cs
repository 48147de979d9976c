using System.Text.Json;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Postgres.Data;
using FeatureStore.Postgres.Values;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FeatureStore.Postgres.Registry;

/// <summary>
/// The registry on Postgres: <c>ai_feature_registry</c> (one row per feature, mirroring its active
/// version), <c>ai_feature_versions</c> (immutable history) and <c>ai_feature_audit_log</c>.
/// </summary>
internal sealed class PostgresFeatureRegistry(IDbContextFactory<FeatureStoreDbContext> contexts, NpgsqlDataSource dataSource, TimeProvider clock) : IFeatureRegistry
{
    public async Task<RegistryPlan> PlanAsync(IReadOnlyList<FeatureSpec> definitions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await LoadAsync(db, definitions.Select(d => d.Name).Distinct().ToList(), cancellationToken);
        return RegistryPlanner.Plan(current.ToDictionary(c => c.Key, c => c.Value.Feature.Latest.Spec), definitions);
    }

    public async Task<RegistryPlan> ApplyAsync(IReadOnlyList<FeatureSpec> definitions, string actor, CancellationToken cancellationToken)
    {
        var plan = await ApplyVersionsAsync(definitions, actor, cancellationToken);
        // A new vector line gets its HNSW index now, while it has no rows and building is instant.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await VectorIndexes.EnsureAsync(connection, cancellationToken);
        return plan;
    }

    private Task<RegistryPlan> ApplyVersionsAsync(IReadOnlyList<FeatureSpec> definitions, string actor, CancellationToken cancellationToken) =>
        RegistryTransaction.RunAsync(contexts, async (db, ct) =>
        {
            var current = await LoadAsync(db, definitions.Select(d => d.Name).Distinct().ToList(), ct);
            var plan = RegistryPlanner.Plan(current.ToDictionary(c => c.Key, c => c.Value.Feature.Latest.Spec), definitions);
            if (!plan.IsValid)
            {
                throw new InvalidDefinitionException(plan.Problems);
            }

            var now = clock.GetUtcNow();
            foreach (var (entry, spec) in plan.Entries.Zip(definitions).Where(e => e.First.WritesVersion))
            {
                var row = current.TryGetValue(spec.Name, out var existing) ? existing.Row : AddFeature(db, spec, now);
                var endedSplit = row.SplitVersion;
                db.FeatureVersions.Add(RegistryRows.NewVersion(row.Id, spec, entry, actor, now));
                RegistryRows.Activate(row, spec, now);
                Audit(db, actor, "apply", spec.Name, spec.Version, now, new
                {
                    change = entry.Kind.ToString().ToUpperInvariant(),
                    from = entry.FromVersion?.ToString(),
                    reasons = entry.Reasons,
                    endedSplit,
                });
            }

            return plan;
        }, cancellationToken);

    public async Task<RegisteredFeature?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await LoadAsync(db, [name], cancellationToken);
        return found.TryGetValue(name, out var feature) ? feature.Feature : null;
    }

    public async Task<IReadOnlyList<RegisteredFeature>> ListAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.FeatureRegistry.AsNoTracking().Where(r => r.ActiveVersion != null);
        if (query.EntityType is { } entityType)
        {
            rows = rows.Where(r => r.EntityType == entityType);
        }

        if (query.Tag is { } tag)
        {
            rows = rows.Where(r => r.Tags.Contains(tag));
        }

        var names = await rows.Select(r => r.Name).ToListAsync(cancellationToken);
        var features = await LoadAsync(db, names, cancellationToken);
        return features.Values.Select(f => f.Feature)
            .Where(f => query.Status is null || f.Status == query.Status)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    public Task<RegisteredFeature> DeprecateAsync(string name, SemanticVersion version, string reason, DateTimeOffset sunsetAt, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, "a deprecation needs a reason (say what to use instead)");
        }

        return ChangeAsync(name, (db, loaded, now) =>
        {
            var row = VersionRow(loaded, version);
            row.DeprecatedAt = now;
            row.DeprecatedBy = actor;
            row.DeprecationReason = reason;
            row.SunsetAt = sunsetAt;
            Audit(db, actor, "deprecate", name, version, now, new { reason, sunsetAt });
        }, cancellationToken);
    }

    public Task<RegisteredFeature> RollbackAsync(string name, SemanticVersion version, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(name, (db, loaded, now) =>
        {
            var target = RegistryRows.ToVersion(VersionRow(loaded, version));
            if (target.Deprecation is { } deprecation && deprecation.IsSunset(now))
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.VersionSunset, $"{name}@{version} is past its sunset ({deprecation.SunsetAt:O}); it cannot be made active again");
            }

            var from = loaded.Row.ActiveVersion;
            if (from == version.ToString() && loaded.Row.SplitVersion is null)
            {
                return; // already active: nothing to record
            }

            var endedSplit = loaded.Row.SplitVersion;
            RegistryRows.Activate(loaded.Row, target.Spec, now);
            Audit(db, actor, "rollback", name, version, now, new { from, endedSplit });
        }, cancellationToken);

    public Task<RegisteredFeature> SetTrafficSplitAsync(string name, SemanticVersion candidate, decimal candidatePercent, string actor, CancellationToken cancellationToken)
    {
        if (candidatePercent is <= 0 or >= 100)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"candidatePercent must be between 0 and 100 (exclusive), not {candidatePercent}; clear the split to end it");
        }

        return ChangeAsync(name, (db, loaded, now) =>
        {
            var target = RegistryRows.ToVersion(VersionRow(loaded, candidate));
            if (loaded.Row.ActiveVersion == candidate.ToString())
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"{name}@{candidate} is the active version; a split needs a different candidate");
            }

            if (target.Deprecation is { } deprecation && deprecation.IsSunset(now))
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.VersionSunset, $"{name}@{candidate} is past its sunset; it cannot take traffic");
            }

            loaded.Row.SplitVersion = candidate.ToString();
            loaded.Row.SplitPercent = Math.Round(candidatePercent, 2);
            loaded.Row.UpdatedAt = now;
            Audit(db, actor, "traffic_split", name, candidate, now, new { active = loaded.Row.ActiveVersion, candidatePercent = loaded.Row.SplitPercent });
        }, cancellationToken);
    }

    public Task<RegisteredFeature> ClearTrafficSplitAsync(string name, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(name, (db, loaded, now) =>
        {
            if (loaded.Row.SplitVersion is not { } candidate)
            {
                return;
            }

            loaded.Row.SplitVersion = null;
            loaded.Row.SplitPercent = null;
            loaded.Row.UpdatedAt = now;
            Audit(db, actor, "clear_traffic_split", name, SemanticVersion.Parse(candidate), now, new { active = loaded.Row.ActiveVersion });
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string? feature, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditLog.AsNoTracking();
        if (feature is not null)
        {
            rows = rows.Where(a => a.FeatureName == feature);
        }

        return await rows.OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 1000))
            .Select(a => new AuditEntry(a.At, a.Actor, a.Action, a.FeatureName, a.Version, a.Details))
            .ToListAsync(cancellationToken);
    }

    private Task<RegisteredFeature> ChangeAsync(string name, Action<FeatureStoreDbContext, LoadedFeature, DateTimeOffset> change, CancellationToken cancellationToken) =>
        RegistryTransaction.RunAsync(contexts, async (db, ct) =>
        {
            var loaded = (await LoadAsync(db, [name], ct)).GetValueOrDefault(name)
                ?? throw new FeatureStoreException(FeatureStoreErrorCodes.FeatureNotFound, $"no feature named '{name}'");
            change(db, loaded, clock.GetUtcNow());
            return RegistryRows.ToFeature(loaded.Row, loaded.Versions);
        }, cancellationToken);

    private static FeatureVersionRow VersionRow(LoadedFeature loaded, SemanticVersion version) =>
        loaded.Versions.SingleOrDefault(v => v.Major == version.Major && v.Minor == version.Minor && v.Patch == version.Patch)
        ?? throw new FeatureStoreException(FeatureStoreErrorCodes.VersionNotFound,
            $"{loaded.Row.Name} has no version {version}; versions: {string.Join(", ", loaded.Versions.Select(v => v.Version))}");

    private static FeatureRegistryRow AddFeature(FeatureStoreDbContext db, FeatureSpec spec, DateTimeOffset now)
    {
        var row = new FeatureRegistryRow { Id = Guid.NewGuid(), Name = spec.Name, FeatureType = spec.Value.Kind.ToWireName(), EntityType = spec.EntityType, CreatedAt = now };
        db.FeatureRegistry.Add(row);
        return row;
    }

    private static void Audit(FeatureStoreDbContext db, string actor, string action, string feature, SemanticVersion? version, DateTimeOffset now, object details) =>
        db.AuditLog.Add(new AuditRow { At = now, Actor = actor, Action = action, FeatureName = feature, Version = version?.ToString(), Details = JsonSerializer.Serialize(details) });

    private static async Task<Dictionary<string, LoadedFeature>> LoadAsync(FeatureStoreDbContext db, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var rows = await db.FeatureRegistry.Where(r => names.Contains(r.Name) && r.ActiveVersion != null).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var versions = await db.FeatureVersions.Where(v => ids.Contains(v.FeatureId)).ToListAsync(cancellationToken);
        var byFeature = versions.ToLookup(v => v.FeatureId);
        return rows.ToDictionary(r => r.Name, r => new LoadedFeature(r, [.. byFeature[r.Id]]), StringComparer.Ordinal);
    }

    private sealed record LoadedFeature(FeatureRegistryRow Row, List<FeatureVersionRow> Versions)
    {
        public RegisteredFeature Feature => RegistryRows.ToFeature(Row, Versions);
    }
}
