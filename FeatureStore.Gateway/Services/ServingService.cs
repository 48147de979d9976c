using System.Text.Json;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;
using FeatureStore.Gateway.GraphQL;
using FeatureStore.Gateway.Types.Serving;

namespace FeatureStore.Gateway.Services;

/// <summary>What the entity and write fields do before the batch loader takes over: limits, entity types, input shapes.</summary>
internal sealed class ServingService(RegistryCache registry, FeatureWriter writer, IOfflineStore offline, SimilaritySearch similarity, RequestContext request, TimeProvider clock)
{
    public const int MaxIds = 1_000;
    public const int MaxValues = 10_000;

    public const int MaxTrainingRows = 10_000;

    public async Task<IReadOnlyList<EntityRef>> EntitiesAsync(string type, IReadOnlyList<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        if (ids.Count > MaxIds)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {MaxIds} ids per request, not {ids.Count}");
        }

        await RequireEntityTypeAsync(type, cancellationToken);
        return ids.Select(id => new EntityRef(type, id, asOf)).ToList();
    }

    public async Task<IReadOnlyList<TrainingRowRef>> TrainingSetAsync(string type, IReadOnlyList<Dictionary<string, object?>> rows, IReadOnlyList<string> features, CancellationToken cancellationToken)
    {
        if (rows.Count > MaxTrainingRows)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {MaxTrainingRows} rows per trainingSet request, not {rows.Count}");
        }

        if (features.Count > EntityGraphType.MaxNames)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {EntityGraphType.MaxNames} features per trainingSet request, not {features.Count}");
        }

        await RequireEntityTypeAsync(type, cancellationToken);
        return rows.Select(r => new TrainingRowRef(type, Convert.ToString(r["id"], System.Globalization.CultureInfo.InvariantCulture)!, (DateTimeOffset)r["timestamp"]!, features)).ToList();
    }

    /// <summary>One page of the entities that had any of <paramref name="references"/> at <paramref name="asOf"/>, by id.</summary>
    public async Task<EntityPage> EntitiesAsOfAsync(string type, DateTimeOffset asOf, IReadOnlyList<string> references, int first, string? after, CancellationToken cancellationToken)
    {
        if (first is < 1 or > MaxIds)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"first must be between 1 and {MaxIds}, not {first}");
        }

        var features = await registry.GetAsync(cancellationToken);
        var lines = new List<(string, int)>();
        foreach (var reference in references)
        {
            var (pin, feature) = FeatureReferences.Find(features, reference);
            var version = VersionResolver.Resolve(feature, pin, "", clock.GetUtcNow()).Version;
            if (version.Spec.EntityType != type)
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.EntityTypeMismatch, $"{pin.Name} describes {version.Spec.EntityType} entities, not {type}");
            }

            // Unpinned readers get the active line, or the split's candidate line: list entities of either.
            lines.Add((pin.Name, pin.IsUnpinned ? feature.ActiveVersion.Major : version.Version.Major));
            if (pin.IsUnpinned && feature.Split is { } split)
            {
                lines.Add((pin.Name, split.Candidate.Major));
            }
        }

        var ids = await offline.EntitiesAsOfAsync([.. lines.Distinct()], type, asOf, EntityPage.Decode(after), first + 1, cancellationToken);
        return new EntityPage([.. ids.Take(first).Select(id => new EntityRef(type, id, asOf))], ids.Count > first);
    }

    public async Task<IReadOnlyList<SimilarEntity>> SimilarAsync(string feature, IReadOnlyList<double>? to, string? toEntity, int k, CancellationToken cancellationToken)
    {
        var found = await similarity.FindAsync(feature, to, toEntity, k, cancellationToken);
        if (found.Warning is { } warning)
        {
            request.Warn("DEPRECATED_VERSION", warning);
        }

        return [.. found.Neighbors.Select(n => new SimilarEntity(new EntityRef(found.EntityType, n.EntityId, null), n.Distance, n.ValidFrom))];
    }

    private async Task RequireEntityTypeAsync(string type, CancellationToken cancellationToken)
    {
        var features = await registry.GetAsync(cancellationToken);
        if (!features.Values.Any(f => f.Active.Spec.EntityType == type))
        {
            var known = features.Values.Select(f => f.Active.Spec.EntityType).Distinct().Order(StringComparer.Ordinal);
            throw new FeatureStoreException(FeatureStoreErrorCodes.EntityTypeMismatch, $"no feature describes entity type '{type}'; known: {string.Join(", ", known)}");
        }
    }

    public async Task<int> WriteAsync(IReadOnlyList<Dictionary<string, object?>> values, CancellationToken cancellationToken)
    {
        if (values.Count > MaxValues)
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {MaxValues} values per write, not {values.Count}");
        }

        var inputs = values.Select(v => new ValueInput(
            (string)v["feature"]!,
            Convert.ToString(v["entityId"], System.Globalization.CultureInfo.InvariantCulture)!,
            JsonSerializer.SerializeToElement(v.GetValueOrDefault("value")),
            (DateTimeOffset)v["validFrom"]!)).ToList();
        await writer.WriteAsync(inputs, cancellationToken);
        return inputs.Count;
    }
}
