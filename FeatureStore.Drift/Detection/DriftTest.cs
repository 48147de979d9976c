using System.Text.Json.Serialization;

namespace FeatureStore.Drift.Detection;

/// <summary>The univariate tests, chosen by the feature's value type (<see cref="DriftEvaluator"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftTest>))]
public enum DriftTest
{
    /// <summary>Numeric: population stability index over the baseline's decile bins.</summary>
    Psi,

    /// <summary>Numeric: two-sample Kolmogorov–Smirnov statistic D, gated by its p-value.</summary>
    KolmogorovSmirnov,

    /// <summary>Categorical and boolean: Jensen–Shannon distance of the label mix, gated by the chi-square test's p-value.</summary>
    ChiSquareJensenShannon,

    /// <summary>Array: relative change of the mean length, gated by a KS test of the lengths.</summary>
    ArrayLengthShift,

    /// <summary>Vector: cosine distance between the mean vectors, gated by the significance of their move.</summary>
    CentroidShift,
}
