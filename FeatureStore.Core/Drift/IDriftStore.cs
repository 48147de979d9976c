namespace FeatureStore.Core.Drift;

/// <summary>What drift runs record: baselines, window statistics, reports and their plots.</summary>
public interface IDriftStore
{
    /// <summary>
    /// Records a baseline and returns its id. A window baseline is recorded once per feature line and
    /// window (the same window again returns the first id); a training-set snapshot is always new.
    /// </summary>
    Task<Guid> SaveBaselineAsync(DriftBaseline baseline, CancellationToken cancellationToken);

    /// <summary>The newest baseline of <paramref name="kind"/> for the feature's value line, with its values; null when none.</summary>
    Task<DriftBaseline?> LatestBaselineAsync(string feature, int valueLine, string kind, CancellationToken cancellationToken);

    /// <summary>Stores a window's statistics (the same feature line and window again replaces them).</summary>
    Task SaveStatisticsAsync(DriftWindowStatistics statistics, CancellationToken cancellationToken);

    /// <summary>Stores a report and, when there is one, its SVG plot.</summary>
    Task SaveReportAsync(DriftReport report, string? plotSvg, CancellationToken cancellationToken);

    /// <summary>
    /// Reports of <paramref name="feature"/> whose window overlaps [<paramref name="since"/>, <paramref name="until"/>)
    /// (either end open when null), newest window first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<DriftReport>> ListReportsAsync(string feature, DateTimeOffset? since, DateTimeOffset? until, int limit, CancellationToken cancellationToken);

    /// <summary>The newest report of each check of each subject (or of <paramref name="feature"/> alone), by subject.</summary>
    Task<IReadOnlyList<DriftReport>> LatestReportsAsync(string? feature, CancellationToken cancellationToken);

    /// <summary>The report's SVG plot; null when the report is unknown or has none.</summary>
    Task<string?> PlotAsync(Guid reportId, CancellationToken cancellationToken);
}
