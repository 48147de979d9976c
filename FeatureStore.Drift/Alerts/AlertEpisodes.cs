using FeatureStore.Drift.Detection;

namespace FeatureStore.Drift.Alerts;

/// <summary>
/// Alerts once per drift episode, not on every run. An episode opens when a subject (a feature, the classifier,
/// a feature's skew) enters Drift, and closes only when it is back to Ok: a dip to Warn inside an episode does
/// not close it, so a score that wavers around the Drift threshold does not page anyone twice.
/// The static <see cref="Decide"/> is the rule, for a worker that keeps the remembered status in its database;
/// an instance keeps it in memory.
/// </summary>
public sealed class AlertEpisodes
{
    private readonly Dictionary<string, DriftStatus> _remembered = new(StringComparer.Ordinal);

    /// <summary>
    /// The decision for a run that found <paramref name="current"/>, given the status remembered from the run
    /// before (null for the first run): fire on entering Drift from anything else.
    /// </summary>
    public static AlertDecision Decide(DriftStatus? remembered, DriftStatus current)
    {
        var fire = current == DriftStatus.Drift && remembered != DriftStatus.Drift;
        var keepEpisodeOpen = remembered == DriftStatus.Drift && current == DriftStatus.Warn;
        return new AlertDecision(fire, keepEpisodeOpen ? DriftStatus.Drift : current);
    }

    /// <summary>Records a run's status for <paramref name="subject"/>; true when an alert should be sent.</summary>
    public bool Observe(string subject, DriftStatus current)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var decision = Decide(_remembered.TryGetValue(subject, out var remembered) ? remembered : null, current);
        _remembered[subject] = decision.Remember;
        return decision.Fire;
    }
}
