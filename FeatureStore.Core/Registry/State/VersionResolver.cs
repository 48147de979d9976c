using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Registry.State;

/// <summary>
/// Chooses the version a read is served from: a pin (<c>name@1</c>: the latest 1.x) wins; without
/// one, the A/B split decides by the entity's stable bucket, else the active version. Deprecated
/// versions are served with a warning until their sunset, then refused.
/// </summary>
public static class VersionResolver
{
    /// <summary>Resolves <paramref name="pin"/> for <paramref name="entityId"/> at <paramref name="now"/>.</summary>
    /// <exception cref="FeatureStoreException">VERSION_NOT_FOUND or VERSION_SUNSET.</exception>
    public static ResolvedVersion Resolve(RegisteredFeature feature, VersionPin pin, string entityId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(pin);
        FeatureVersion chosen;
        if (pin.IsUnpinned)
        {
            chosen = feature.Split is { } split && split.ServesCandidate(feature.Name, entityId)
                ? feature.Find(split.Candidate)!
                : feature.Active;
        }
        else
        {
            chosen = feature.Versions.LastOrDefault(v => pin.Matches(v.Version))
                ?? throw new FeatureStoreException(FeatureStoreErrorCodes.VersionNotFound,
                    $"{feature.Name} has no version matching {pin}; versions: {string.Join(", ", feature.Versions.Select(v => v.Version))}");
        }

        if (chosen.Deprecation is not { } deprecation)
        {
            return new ResolvedVersion(feature.Name, chosen, null);
        }

        if (deprecation.IsSunset(now))
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.VersionSunset,
                $"{feature.Name}@{chosen.Version} was deprecated ({deprecation.Reason}) and its sunset passed at {deprecation.SunsetAt:O}");
        }

        return new ResolvedVersion(feature.Name, chosen,
            $"{feature.Name}@{chosen.Version} is deprecated: {deprecation.Reason}; reads fail after {deprecation.SunsetAt:O}");
    }
}
