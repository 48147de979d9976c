using FeatureStore.Core.Drift;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Runs;

/// <summary>The baseline a feature's window is compared with, and its values.</summary>
/// <param name="Id">The stored baseline's id.</param>
/// <param name="Kind"><see cref="DriftBaselineKinds"/>.</param>
/// <param name="Window">The span its values come from (a training set's: its rows' timestamps).</param>
/// <param name="Values">Its values, by entity.</param>
public sealed record SelectedBaseline(Guid Id, string Kind, TimeWindow Window, IReadOnlyList<SampledValue> Values);
