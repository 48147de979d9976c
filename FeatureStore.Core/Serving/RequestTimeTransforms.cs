using System.Text.Json;
using FeatureStore.Core.Registry.Definitions;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Transformers that need nothing but the instant a value is read at (hour of day, day of week),
/// so any path can compute them on request: the gateway serves them ON_DEMAND, batch and streaming
/// call the same functions. Parameter <c>timezone</c> (IANA, e.g. America/Mexico_City) picks the
/// clock; UTC by default.
/// </summary>
public static class RequestTimeTransforms
{
    /// <summary>True when <paramref name="computation"/> is computed from the read instant alone.</summary>
    public static bool Handles(ComputationSpec computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        return computation.Aggregation is "hour_of_day" or "day_of_week";
    }

    /// <summary>The value at <paramref name="at"/>: hour 0..23, or ISO day of week 1 (Monday)..7 (Sunday).</summary>
    public static JsonElement Compute(ComputationSpec computation, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(computation);
        var local = computation.Parameters.TryGetValue("timezone", out var zone)
            ? TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone))
            : at.ToUniversalTime();
        var number = computation.Aggregation switch
        {
            "hour_of_day" => local.Hour,
            "day_of_week" => local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek,
            _ => throw new ArgumentException($"'{computation.Aggregation}' is not a request-time transform", nameof(computation)),
        };
        return JsonSerializer.SerializeToElement(number, JsonSerializerOptions.Default);
    }
}
