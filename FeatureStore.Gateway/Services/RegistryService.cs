using System.Text.Json;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;
using FeatureStore.Gateway.GraphQL;
using FeatureStore.Gateway.Types.Registry;

namespace FeatureStore.Gateway.Services;

/// <summary>What the GraphQL registry fields do, kept out of the graph types: reads, plans, changes, warnings.</summary>
internal sealed class RegistryService(IFeatureRegistry registry, RegistryCache cache, RequestContext request, TimeProvider clock)
{
    public async Task<IEnumerable<FeatureView>> ListAsync(FeatureQuery query, CancellationToken cancellationToken) =>
        (await registry.ListAsync(query, cancellationToken)).Select(f => new FeatureView(f, f.Active));

    public async Task<FeatureView> GetAsync(string name, string? version, CancellationToken cancellationToken)
    {
        var feature = await RequireAsync(name, cancellationToken);
        var shown = version is null ? feature.Active : VersionArguments.Find(feature, version);
        WarnIfDeprecated(feature.Name, shown);
        return new FeatureView(feature, shown);
    }

    /// <summary>The version an entity is served, by pin, split or activation; deprecated ones carry a warning.</summary>
    public async Task<FeatureVersionView> ResolveAsync(string reference, string entityId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var pin = FeatureReferences.Parse(reference);
        var feature = await RequireAsync(pin.Name, cancellationToken);
        var resolved = VersionResolver.Resolve(feature, pin, entityId, at ?? clock.GetUtcNow());
        if (resolved.Warning is { } warning)
        {
            request.Warn("DEPRECATED_VERSION", warning);
        }

        return new FeatureVersionView(feature, resolved.Version);
    }

    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<object?> definitions, bool dryRun, CancellationToken cancellationToken)
    {
        var problems = new List<DefinitionProblem>();
        var specs = new List<FeatureSpec>();
        for (var i = 0; i < definitions.Count; i++)
        {
            var json = JsonSerializer.SerializeToElement(definitions[i]);
            if (FeatureSpecJson.Read(json, $"definitions[{i}]", problems) is { } spec)
            {
                specs.Add(spec);
            }
        }

        if (problems.Count > 0)
        {
            return dryRun ? new ApplyResult(false, true, [], problems) : throw new InvalidDefinitionException(problems);
        }

        if (dryRun)
        {
            var plan = await registry.PlanAsync(specs, cancellationToken);
            return new ApplyResult(false, true, plan.Entries, plan.Problems);
        }

        var applied = await registry.ApplyAsync(specs, request.Actor, cancellationToken);
        cache.Invalidate();
        return new ApplyResult(true, false, applied.Entries, []);
    }

    public async Task<FeatureView> DeprecateAsync(string name, string version, string reason, DateTimeOffset sunsetAt, CancellationToken cancellationToken) =>
        View(await registry.DeprecateAsync(name, VersionArguments.Parse(version), reason, sunsetAt, request.Actor, cancellationToken));

    public async Task<FeatureView> RollbackAsync(string name, string version, CancellationToken cancellationToken) =>
        View(await registry.RollbackAsync(name, VersionArguments.Parse(version), request.Actor, cancellationToken));

    public async Task<FeatureView> SetTrafficSplitAsync(string name, string candidate, double percent, CancellationToken cancellationToken) =>
        View(await registry.SetTrafficSplitAsync(name, VersionArguments.Parse(candidate), (decimal)percent, request.Actor, cancellationToken));

    public async Task<FeatureView> ClearTrafficSplitAsync(string name, CancellationToken cancellationToken) =>
        View(await registry.ClearTrafficSplitAsync(name, request.Actor, cancellationToken));

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string? name, int limit, CancellationToken cancellationToken) =>
        registry.AuditAsync(name, limit, cancellationToken);

    private async Task<RegisteredFeature> RequireAsync(string name, CancellationToken cancellationToken) =>
        await registry.FindAsync(name, cancellationToken)
        ?? throw new FeatureStoreException(FeatureStoreErrorCodes.FeatureNotFound, $"no feature named '{name}'");

    private void WarnIfDeprecated(string name, FeatureVersion version)
    {
        if (version.Deprecation is { } deprecation)
        {
            request.Warn("DEPRECATED_VERSION", $"{name}@{version.Version} is deprecated: {deprecation.Reason}; reads fail after {deprecation.SunsetAt:O}");
        }
    }

    // Serving in this process sees a change at once; other processes within RegistryCache.MaxAge.
    private FeatureView View(RegisteredFeature feature)
    {
        cache.Invalidate();
        return new FeatureView(feature, feature.Active);
    }
}
