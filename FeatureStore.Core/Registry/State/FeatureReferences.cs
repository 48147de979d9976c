using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Registry.State;

/// <summary>A feature reference as callers write it (<c>name</c>, <c>name@1</c>, <c>name@1.2</c>, <c>name@1.2.0</c>), read the same way by every path.</summary>
public static class FeatureReferences
{
    /// <summary>The parsed reference.</summary>
    /// <exception cref="FeatureStoreException">INVALID_ARGUMENT when it is not a reference.</exception>
    public static VersionPin Parse(string reference) =>
        VersionPin.TryParse(reference)
        ?? throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"'{reference}' is not a feature reference (name, name@1, name@1.2 or name@1.2.0)");

    /// <summary>The parsed reference and the registered feature it names.</summary>
    /// <exception cref="FeatureStoreException">INVALID_ARGUMENT or FEATURE_NOT_FOUND.</exception>
    public static (VersionPin Pin, RegisteredFeature Feature) Find(IReadOnlyDictionary<string, RegisteredFeature> features, string reference)
    {
        ArgumentNullException.ThrowIfNull(features);
        var pin = Parse(reference);
        var feature = features.GetValueOrDefault(pin.Name)
            ?? throw new FeatureStoreException(FeatureStoreErrorCodes.FeatureNotFound, $"no feature named '{pin.Name}'");
        return (pin, feature);
    }
}
