using System.Globalization;
using FeatureStore.Drift.Detection;
using FeatureStore.Drift.Multivariate;
using FeatureStore.Drift.Skew;
using FeatureStore.Drift.Statistics;

namespace FeatureStore.Drift.Alerts;

/// <summary>The message sent when a drift episode opens.</summary>
/// <param name="Subject">What drifted: a feature name, or a name for the classifier's feature set.</param>
/// <param name="Check">Which check found it: "univariate", "classifier" or "skew".</param>
/// <param name="Status">The status entered (Drift).</param>
/// <param name="Window">The window in which it was found.</param>
/// <param name="Summary">The scores that crossed their thresholds, for a person to read.</param>
public sealed record DriftAlert(string Subject, string Check, DriftStatus Status, TimeWindow Window, string Summary)
{
    /// <summary>The stored report behind the alert (its plot is at <c>/drift/plots/{id}.svg</c>); null when it was not stored.</summary>
    public Guid? ReportId { get; init; }

    /// <summary>The alert for a feature's univariate report.</summary>
    public static DriftAlert For(FeatureDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var crossed = report.Tests.Where(t => t.Status != DriftStatus.Ok)
            .Select(t => Invariant($"{t.Test} {t.Score:G3} (warn {t.WarnAt:G3}, drift {t.DriftAt:G3}{PValue(t.PValue)})"));
        return new DriftAlert(report.Feature, "univariate", report.Status, report.Current.Window, string.Join("; ", crossed));
    }

    /// <summary>The alert for a classifier result over the features named <paramref name="subject"/>.</summary>
    public static DriftAlert For(string subject, ClassifierDriftResult result, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(result);
        var top = string.Join(", ", result.Contributions.Take(3).Select(c => Invariant($"{c.Feature} {c.Importance:G3}")));
        return new DriftAlert(subject, "classifier", result.Status, window, Invariant($"AUC {result.Auc:G3} (warn {result.WarnAt:G3}, drift {result.DriftAt:G3}); most telling: {top}"));
    }

    /// <summary>The alert for a feature's skew report.</summary>
    public static DriftAlert For(SkewReport report, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DriftAlert(report.Feature, "skew", report.Status, window,
            Invariant($"{report.Mismatches} of {report.Compared} online values differ from offline ({report.MismatchRate:P1}; warn {report.WarnAt:P1}, drift {report.DriftAt:P1}); e.g. {string.Join(", ", report.ExampleEntities)}"));
    }

    private static string PValue(double? p) => p is { } value ? Invariant($", p {value:G3}") : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
