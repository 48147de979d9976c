namespace FeatureStore.Core.Errors;

/// <summary>The error codes clients see (GraphQL <c>extensions.code</c>); each names the problem.</summary>
public static class FeatureStoreErrorCodes
{
    /// <summary>No feature has that name.</summary>
    public const string FeatureNotFound = "FEATURE_NOT_FOUND";

    /// <summary>The feature exists but no version matches the pin or number given.</summary>
    public const string VersionNotFound = "VERSION_NOT_FOUND";

    /// <summary>The version was deprecated and its sunset date has passed.</summary>
    public const string VersionSunset = "VERSION_SUNSET";

    /// <summary>One or more definitions are invalid; every problem is listed.</summary>
    public const string InvalidDefinition = "INVALID_DEFINITION";

    /// <summary>A value does not fit its feature's declared type (wrong kind, dimension, category...).</summary>
    public const string InvalidValue = "INVALID_VALUE";

    /// <summary>The feature describes another entity type than the one asked for, or the entity type is unknown.</summary>
    public const string EntityTypeMismatch = "ENTITY_TYPE_MISMATCH";

    /// <summary>More ids, rows or values than the configured maximum in one request.</summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>An argument is malformed or out of range (a bad pin, percent, date...).</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";
}
