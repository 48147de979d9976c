using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Tests.Registry;

/// <summary>Baseline definitions that tests vary with <c>with</c> expressions.</summary>
internal static class TestSpecs
{
    private static readonly Dictionary<string, string> NoEntries = [];

    /// <summary>user:booking_rate 1.0.0: numeric, bookings/ratio over 30d, daily, ttl 2d.</summary>
    public static FeatureSpec BookingRate(string version = "1.0.0") => new(
        "user:booking_rate",
        SemanticVersion.Parse(version),
        "user",
        new FeatureValueSchema(FeatureValueType.Numeric),
        "Share of the user's conversations that led to a booking, 0..1.",
        "growth",
        ["bookings"],
        Computation(),
        "daily",
        TimeSpan.FromDays(2));

    public static ComputationSpec Computation(
        string aggregation = "ratio", string? field = null, TimeSpan? window = null, Dictionary<string, string>? filters = null) =>
        new("bookings", aggregation, field, window ?? TimeSpan.FromDays(30), filters ?? NoEntries, new Dictionary<string, string> { ["denominator"] = "conversations" });

    /// <summary>The baseline with another value schema.</summary>
    public static FeatureSpec WithValue(FeatureValueSchema value, string version = "1.0.0") => BookingRate(version) with { Value = value };
}
