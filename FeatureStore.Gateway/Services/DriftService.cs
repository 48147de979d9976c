using FeatureStore.Core.Drift;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Serving;
using FeatureStore.Gateway.GraphQL;
using FeatureStore.Gateway.Types.Drift;

namespace FeatureStore.Gateway.Services;

/// <summary>The drift fields: reports and latest statuses (written by the drift worker), and checks asked for now.</summary>
internal sealed class DriftService(IDriftStore store, IDriftCheckQueue queue, RegistryCache registry, RequestContext request)
{
    public const int MaxReports = 1_000;
    public const int MaxFeaturesPerCheck = 256;

    public async Task<IReadOnlyList<DriftReport>> ReportsAsync(string feature, DateTimeOffset? from, DateTimeOffset? to, int first, CancellationToken cancellationToken)
    {
        if (first is < 1 or > MaxReports)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"first must be between 1 and {MaxReports}, not {first}");
        }

        if (from is { } start && to is { } end && end <= start)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"to ({end:O}) must be after from ({start:O})");
        }

        await RequireSubjectAsync(feature, cancellationToken);
        return await store.ListReportsAsync(feature, from, to, first, cancellationToken);
    }

    public async Task<IReadOnlyList<FeatureDriftStatus>> StatusAsync(string? feature, CancellationToken cancellationToken)
    {
        if (feature is not null)
        {
            await RequireSubjectAsync(feature, cancellationToken);
        }

        var latest = await store.LatestReportsAsync(feature, cancellationToken);
        return [.. latest.GroupBy(r => r.Feature, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new FeatureDriftStatus(
            g.Key, g.Select(r => r.Status).Aggregate(DriftStatuses.Ok, DriftStatuses.Worst), g.Max(r => r.CreatedAt),
            [.. g.OrderBy(r => CheckOrder(r.Check))]))];
    }

    public async Task<DriftCheckRequest> RequestCheckAsync(IReadOnlyList<string>? features, CancellationToken cancellationToken)
    {
        var names = (features ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > MaxFeaturesPerCheck)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {MaxFeaturesPerCheck} features per check, not {names.Count}");
        }

        var registered = await registry.GetAsync(cancellationToken);
        var unknown = names.Where(n => !registered.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.FeatureNotFound, $"no feature named {string.Join(", ", unknown.Select(n => $"'{n}'"))}");
        }

        return await queue.RequestAsync(names, request.Actor, cancellationToken);
    }

    // Reports of a status in the order a run makes them: univariate, classifier, skew.
    private static int CheckOrder(string check)
    {
        for (var i = 0; i < DriftChecks.All.Count; i++)
        {
            if (DriftChecks.All[i] == check)
            {
                return i;
            }
        }

        return DriftChecks.All.Count;
    }

    // A feature name, or 'entity:*' for an entity type some feature describes (the classifier's subject).
    private async Task RequireSubjectAsync(string feature, CancellationToken cancellationToken)
    {
        var registered = await registry.GetAsync(cancellationToken);
        var entityType = DriftSubjects.EntityTypeOf(feature);
        var known = entityType is null ? registered.ContainsKey(feature) : registered.Values.Any(f => f.Active.Spec.EntityType == entityType);
        if (!known)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.FeatureNotFound,
                entityType is null ? $"no feature named '{feature}'" : $"no feature describes entity type '{entityType}'");
        }
    }
}
