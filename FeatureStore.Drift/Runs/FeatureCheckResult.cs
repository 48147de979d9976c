using FeatureStore.Core.Drift;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Runs;

/// <summary>One feature's univariate check, with the samples the classifier reuses.</summary>
/// <param name="Spec">The active version's definition.</param>
/// <param name="Current">The current window's values, by entity, oldest first per entity.</param>
/// <param name="Baseline">The baseline's values, by entity.</param>
/// <param name="CurrentSample">The current values read for the tests.</param>
/// <param name="BaselineSample">The baseline's values read for the tests.</param>
/// <param name="Outcome">The stored report and its alert.</param>
public sealed record FeatureCheckResult(
    FeatureSpec Spec,
    IReadOnlyList<SampledValue> Current,
    IReadOnlyList<SampledValue> Baseline,
    FeatureSample CurrentSample,
    FeatureSample BaselineSample,
    CheckOutcome Outcome);
