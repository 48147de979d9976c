using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Resolves a batch's requests to the value each reads. A batch names the same few references for many
/// entities (100 entities x 10 features), so each reference is parsed and looked up once, and a version
/// once per reference and instant unless an A/B split makes it depend on the entity.
/// </summary>
internal sealed class RequestResolutions(IReadOnlyDictionary<string, RegisteredFeature> features, DateTimeOffset now)
{
    private readonly Dictionary<string, (VersionPin Pin, RegisteredFeature Feature)> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Reference, DateTimeOffset At), ResolvedVersion> _versions = [];

    /// <summary>The request's key and version, or why it cannot be served.</summary>
    public (ServingPlan? Plan, FeatureStoreException? Error) Resolve(FeatureRequest request)
    {
        try
        {
            if (!_references.TryGetValue(request.Reference, out var found))
            {
                found = FeatureReferences.Find(features, request.Reference);
                _references[request.Reference] = found;
            }

            var (pin, feature) = found;
            var at = request.AsOf ?? now;
            var version = pin.IsUnpinned && feature.Split is not null
                ? VersionResolver.Resolve(feature, pin, request.EntityId, at)
                : VersionFor(request.Reference, pin, feature, at);
            if (version.Version.Spec.EntityType != request.EntityType)
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.EntityTypeMismatch,
                    $"{pin.Name} describes {version.Version.Spec.EntityType} entities, not {request.EntityType}");
            }

            return (new ServingPlan(new FeatureKey(pin.Name, version.ValueLine, request.EntityType, request.EntityId), version), null);
        }
        catch (FeatureStoreException error)
        {
            return (null, error);
        }
    }

    // Without a split the entity plays no part in choosing the version.
    private ResolvedVersion VersionFor(string reference, VersionPin pin, RegisteredFeature feature, DateTimeOffset at)
    {
        if (!_versions.TryGetValue((reference, at), out var version))
        {
            version = VersionResolver.Resolve(feature, pin, string.Empty, at);
            _versions[(reference, at)] = version;
        }

        return version;
    }
}

/// <summary>Where a request's value lives and the version it resolved to.</summary>
internal readonly record struct ServingPlan(FeatureKey Key, ResolvedVersion Version);
