using System.Globalization;
using System.Text.RegularExpressions;
using FeatureStore.Core.Errors;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>Spine timestamps: ISO-8601 with an explicit offset, because "2026-01-01 10:00" alone would silently mean some server's zone.</summary>
internal static partial class SpineTimestamps
{
    public static DateTimeOffset Parse(string text, long line)
    {
        var trimmed = text.Trim();
        if (!ExplicitOffset().IsMatch(trimmed)
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new FeatureStoreException(FeatureStoreErrorCodes.InvalidArgument,
                $"row {line}: timestamp '{text}' is not ISO-8601 with an offset (e.g. 2026-01-01T10:00:00Z or 2026-01-01T10:00:00-06:00)");
        }

        return instant;
    }

    /// <summary>Output form: UTC, microseconds (the store's precision).</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(Z|z|[+-]\d{2}(:?\d{2})?)$")]
    private static partial Regex ExplicitOffset();
}
