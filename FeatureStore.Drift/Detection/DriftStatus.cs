using System.Text.Json.Serialization;

namespace FeatureStore.Drift.Detection;

/// <summary>The verdict on one feature (or test, or model) in one window; ordered, so the worst of several is their maximum.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftStatus>))]
public enum DriftStatus
{
    /// <summary>No change beyond sampling noise, or too small to matter.</summary>
    Ok,

    /// <summary>A real but moderate change: worth a look, no alert.</summary>
    Warn,

    /// <summary>A real and large change: entering this status raises an alert.</summary>
    Drift,
}
