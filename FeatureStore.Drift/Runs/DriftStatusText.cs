using FeatureStore.Core.Drift;
using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Runs;

/// <summary>The detectors' <see cref="DriftStatus"/> in the stored form (<see cref="DriftStatuses"/>) and back.</summary>
public static class DriftStatusText
{
    /// <summary>OK, WARN or DRIFT.</summary>
    public static string Of(DriftStatus status) => status switch
    {
        DriftStatus.Drift => DriftStatuses.Drift,
        DriftStatus.Warn => DriftStatuses.Warn,
        _ => DriftStatuses.Ok,
    };

    /// <summary>The status stored as <paramref name="text"/>; null for none.</summary>
    public static DriftStatus? Parse(string? text) => text switch
    {
        null => null,
        DriftStatuses.Drift => DriftStatus.Drift,
        DriftStatuses.Warn => DriftStatus.Warn,
        _ => DriftStatus.Ok,
    };
}
