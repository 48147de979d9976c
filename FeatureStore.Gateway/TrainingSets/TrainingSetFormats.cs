using Microsoft.Net.Http.Headers;

namespace FeatureStore.Gateway.TrainingSets;

/// <summary>The export's media types: what a body is, and what the client wants back.</summary>
internal static class TrainingSetFormats
{
    public const string Csv = "text/csv";
    public const string Parquet = "application/vnd.apache.parquet";

    private static readonly string[] ParquetAliases = [Parquet, "application/x-parquet", "application/parquet"];

    /// <summary>The body's format from its Content-Type, or null when it is neither CSV nor Parquet.</summary>
    public static string? OfBody(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        var type = media.MediaType.Value ?? "";
        return type.Equals(Csv, StringComparison.OrdinalIgnoreCase) ? Csv
            : ParquetAliases.Contains(type, StringComparer.OrdinalIgnoreCase) ? Parquet
            : null;
    }

    /// <summary>The response format: <c>?format=csv|parquet</c>, else the Accept header (CSV by default); null when neither can be given.</summary>
    public static string? OfResponse(string? format, IList<MediaTypeHeaderValue> accept)
    {
        if (!string.IsNullOrEmpty(format))
        {
            return format.ToLowerInvariant() switch { "csv" => Csv, "parquet" => Parquet, _ => null };
        }

        if (accept.Count == 0)
        {
            return Csv;
        }

        foreach (var media in accept.OrderByDescending(m => m.Quality ?? 1))
        {
            var type = media.MediaType.Value ?? "";
            if (ParquetAliases.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                return Parquet;
            }

            if (type is Csv or "text/*" or "*/*")
            {
                return Csv;
            }
        }

        return null;
    }
}
