namespace FeatureStore.Core.Errors;

/// <summary>A failure the caller caused and can fix; <see cref="Code"/> is one of <see cref="FeatureStoreErrorCodes"/>.</summary>
public class FeatureStoreException(string code, string message) : Exception(message)
{
    /// <summary>The machine-readable code of the problem.</summary>
    public string Code { get; } = code;
}
