namespace FeatureStore.Core.Registry.Definitions;

/// <summary>The transformers a computation may name; a typo fails at plan time, not at 3 a.m. in a batch run.</summary>
public static class Aggregations
{
    /// <summary>Every known aggregation or transform name.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "count", "sum", "avg", "min", "max", "mode", "distinct_count", "ordered_array", "distribution",
        "centroid", "ratio", "latest", "token_count", "sentiment", "contains_question", "embedding",
        "time_since_previous", "hour_of_day", "day_of_week", "business_hours", "previous",
    };
}
