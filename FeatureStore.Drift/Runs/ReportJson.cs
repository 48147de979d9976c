using System.Text.Json;
using System.Text.Json.Serialization;
using FeatureStore.Core.Drift;
using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Runs;

/// <summary>How the detectors' results become the JSON and scores of a stored report.</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Instants keep a plain '+' (the default encoder writes \u002B), as the gateway's answers do.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A degenerate window (one value, no spread) may give NaN; it is kept, not a reason to lose the report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary><paramref name="value"/> as a JSON element (camelCase, enums as names).</summary>
    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>A detector's test result as a stored score.</summary>
    public static DriftScore Score(DriftTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DriftScore(result.Test.ToString(), result.Score, result.PValue, result.Statistic, result.WarnAt, result.DriftAt, DriftStatusText.Of(result.Status));
    }
}
