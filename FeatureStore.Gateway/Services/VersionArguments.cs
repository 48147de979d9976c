using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Gateway.Services;

/// <summary>Version numbers given as GraphQL arguments: parsed once, one error wording everywhere.</summary>
internal static class VersionArguments
{
    /// <summary>The version, or INVALID_ARGUMENT when it is not MAJOR.MINOR.PATCH.</summary>
    public static SemanticVersion Parse(string text) =>
        SemanticVersion.TryParse(text, out var version)
            ? version
            : throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument, $"'{text}' is not a version of the form MAJOR.MINOR.PATCH");

    /// <summary>The feature's version named by <paramref name="text"/>, or VERSION_NOT_FOUND naming the ones that exist.</summary>
    public static FeatureVersion Find(RegisteredFeature feature, string text)
    {
        var version = Parse(text);
        return feature.Find(version) ?? throw new FeatureStoreException(FeatureStoreErrorCodes.VersionNotFound,
            $"{feature.Name} has no version {version}; versions: {string.Join(", ", feature.Versions.Select(v => v.Version))}");
    }
}
