using System.Text.Json;

namespace FeatureStore.Core.Drift;

/// <summary>
/// A stored drift report: one check of one subject (a feature, or all features of an entity type
/// for the classifier) in one window, with every score and threshold behind its status.
/// </summary>
/// <param name="Id">The report's id (also in its plot URL).</param>
/// <param name="Feature">The feature name; for the classifier, <see cref="DriftSubjects.AllFeaturesOf"/> of the entity type.</param>
/// <param name="Check">Which check (<see cref="DriftChecks"/>).</param>
/// <param name="EntityType">The entity type of the feature(s).</param>
/// <param name="ValueLine">The value line (major version) whose values were read; null for the classifier, which reads several features.</param>
/// <param name="Version">The feature version active when the check ran; null for the classifier.</param>
/// <param name="WindowStart">The first instant of the window checked.</param>
/// <param name="WindowEnd">The first instant after the window.</param>
/// <param name="Status">OK, WARN or DRIFT (<see cref="DriftStatuses"/>): the worst of <paramref name="Tests"/>.</param>
/// <param name="BaselineId">The baseline compared with (univariate checks); null when there was none.</param>
/// <param name="Tests">Every score with its thresholds.</param>
/// <param name="Contributions">Classifier only: the features that tell the windows apart, most telling first.</param>
/// <param name="Statistics">Univariate only: both windows' statistics (count, null rate, moments, quantiles, categories, norms...).</param>
/// <param name="Details">What else the check found: data-quality counts, skew counts and examples, the classifier's row counts, why tests were skipped.</param>
/// <param name="HasPlot">True when a baseline-vs-current SVG plot is stored with the report.</param>
/// <param name="CreatedAt">When the check ran.</param>
public sealed record DriftReport(
    Guid Id,
    string Feature,
    string Check,
    string EntityType,
    int? ValueLine,
    string? Version,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string Status,
    Guid? BaselineId,
    IReadOnlyList<DriftScore> Tests,
    IReadOnlyList<DriftContribution> Contributions,
    JsonElement? Statistics,
    JsonElement? Details,
    bool HasPlot,
    DateTimeOffset CreatedAt);
