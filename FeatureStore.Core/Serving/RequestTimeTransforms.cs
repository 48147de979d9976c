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
    /// <summary>The <c>timezone</c> parameter value meaning "the tenant's own zone".</summary>
    public const string TenantZone = "tenant";

    /// <summary>True when <paramref name="computation"/> is computed from the read instant alone.</summary>
    public static bool Handles(ComputationSpec computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        // With a field (sent_at) the transform reads the row's time instead: see MessageContextTransforms.
        return computation.Aggregation is "hour_of_day" or "day_of_week" && computation.Field is null;
    }

    /// <summary>The value at <paramref name="at"/>: hour 0..23, or ISO day of week 1 (Monday)..7 (Sunday).</summary>
    public static JsonElement Compute(ComputationSpec computation, DateTimeOffset at) => Compute(computation, at, null);

    /// <summary>
    /// As <see cref="Compute(ComputationSpec, DateTimeOffset)"/>, with <paramref name="tenantZone"/>
    /// standing for the parameter <c>timezone: tenant</c> (the entity's tenant's zone).
    /// </summary>
    public static JsonElement Compute(ComputationSpec computation, DateTimeOffset at, string? tenantZone)
    {
        ArgumentNullException.ThrowIfNull(computation);
        var zone = computation.Parameters.GetValueOrDefault("timezone");
        if (zone == TenantZone)
        {
            zone = tenantZone ?? throw new ArgumentException("timezone 'tenant' needs the tenant row", nameof(tenantZone));
        }

        var local = zone is not null
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
