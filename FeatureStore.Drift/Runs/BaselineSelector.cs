using FeatureStore.Core.Drift;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Values;
using FeatureStore.Drift.Statistics;
using FeatureStore.Drift.Worker;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Runs;

/// <summary>
/// Chooses a feature's baseline, for its active value line only (a new major version has new values and starts
/// without one): the newest training-set snapshot (the model was trained on it, so that is what drift should be
/// measured against); else the fixed reference window in configuration; else the rolling window of
/// <see cref="DriftOptions.BaselineWindow"/> just before the current window. A window baseline is recorded once
/// per window; its values are read from the history each time (they are history: they do not change).
/// </summary>
public sealed class BaselineSelector(IDriftStore store, IValueSampleReader reader, IOptions<DriftOptions> options, TimeProvider clock)
{
    /// <summary>The baseline of <paramref name="feature"/>'s active line for the current <paramref name="window"/>.</summary>
    public async Task<SelectedBaseline> SelectAsync(RegisteredFeature feature, TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(window);
        var line = feature.ActiveVersion.Major;
        var snapshot = await store.LatestBaselineAsync(feature.Name, line, DriftBaselineKinds.TrainingSet, cancellationToken);
        if (snapshot?.Values is { } values)
        {
            return new SelectedBaseline(snapshot.Id, snapshot.Kind, new TimeWindow(snapshot.WindowStart, snapshot.WindowEnd), values);
        }

        var reference = ReferenceWindow(feature.Name, window);
        var id = await store.SaveBaselineAsync(new DriftBaseline(Guid.NewGuid(), feature.Name, line, feature.ActiveVersion.ToString(), DriftBaselineKinds.Window,
            reference.Start, reference.End, null, clock.GetUtcNow()), cancellationToken);
        var history = await reader.SampleAsync(feature.Name, line, reference.Start, reference.End, options.Value.SampleSize, cancellationToken);
        return new SelectedBaseline(id, DriftBaselineKinds.Window, reference, [.. history.Select(v => new SampledValue(v.Key.EntityId, v.Value))]);
    }

    /// <summary>The configured fixed window of <paramref name="feature"/>, or the rolling one before <paramref name="window"/>.</summary>
    public TimeWindow ReferenceWindow(string feature, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return options.Value.For(feature) is { BaselineStart: { } start, BaselineEnd: { } end }
            ? new TimeWindow(start, end)
            : new TimeWindow(window.Start - options.Value.BaselineWindow, window.Start);
    }
}
