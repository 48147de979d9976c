namespace FeatureStore.Drift.Detection;

/// <summary>
/// Where each test turns to Warn and to Drift. The defaults are documented (with the false-alarm rates
/// measured for them) in docs/drift.md; every value can be set per feature through <see cref="DriftThresholdOptions"/>.
/// </summary>
public sealed record DriftThresholds
{
    /// <summary>Significance level of every gated test: a change counts only if its p-value is below. Default 0.01.</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>Fewest usable values each side needs before any test runs: below it, a window is reported Ok and skipped. Default 30.</summary>
    public int MinimumSampleSize { get; init; } = 30;

    /// <summary>Quantile bins for PSI. Default 10 (deciles), the usual choice.</summary>
    public int PsiBins { get; init; } = 10;

    /// <summary>PSI from which a numeric feature warns. Default 0.1, the industry's "some shift".</summary>
    public double PsiWarn { get; init; } = 0.1;

    /// <summary>PSI from which a numeric feature drifts. Default 0.25, the industry's "major shift".</summary>
    public double PsiDrift { get; init; } = 0.25;

    /// <summary>KS statistic D from which a (significant) change warns. Default 0.05.</summary>
    public double KolmogorovSmirnovWarn { get; init; } = 0.05;

    /// <summary>KS statistic D from which a (significant) change drifts: 10 points of the distribution function moved. Default 0.1.</summary>
    public double KolmogorovSmirnovDrift { get; init; } = 0.1;

    /// <summary>Jensen–Shannon distance from which a (significant) change of the label mix warns. Default 0.05.</summary>
    public double JensenShannonWarn { get; init; } = 0.05;

    /// <summary>Jensen–Shannon distance from which a (significant) change of the label mix drifts. Default 0.1.</summary>
    public double JensenShannonDrift { get; init; } = 0.1;

    /// <summary>Relative change of an array's mean length from which it warns. Default 0.1 (10 %).</summary>
    public double ArrayLengthWarn { get; init; } = 0.1;

    /// <summary>Relative change of an array's mean length from which it drifts. Default 0.25 (25 %).</summary>
    public double ArrayLengthDrift { get; init; } = 0.25;

    /// <summary>Cosine distance between centroids from which a vector feature warns. Default 0.05 (a turn of about 18°).</summary>
    public double CentroidWarn { get; init; } = 0.05;

    /// <summary>Cosine distance between centroids from which a vector feature drifts. Default 0.15 (a turn of about 32°).</summary>
    public double CentroidDrift { get; init; } = 0.15;

    /// <summary>Cross-validated AUC of the baseline-vs-current classifier from which the rows warn. Default 0.6.</summary>
    public double ClassifierAucWarn { get; init; } = 0.6;

    /// <summary>Cross-validated AUC of the baseline-vs-current classifier from which the rows drift. Default 0.7.</summary>
    public double ClassifierAucDrift { get; init; } = 0.7;

    /// <summary>Share of online values that differ from the offline ones from which a feature's skew warns. Default 0.01.</summary>
    public double SkewWarn { get; init; } = 0.01;

    /// <summary>Share of online values that differ from the offline ones from which a feature's skew is Drift. Default 0.05.</summary>
    public double SkewDrift { get; init; } = 0.05;

    /// <summary>Absolute difference under which two numbers count as equal in the skew comparison. Default 1e-6.</summary>
    public double SkewAbsoluteTolerance { get; init; } = 1e-6;

    /// <summary>Relative difference under which two numbers count as equal in the skew comparison (float32 round trips differ by ~1e-7). Default 1e-5.</summary>
    public double SkewRelativeTolerance { get; init; } = 1e-5;

    /// <summary>Share of null values in the current window from which a feature's data quality warns. Default 0.1.</summary>
    public double MissingRateWarn { get; init; } = 0.1;

    /// <summary>Share of null values in the current window from which a feature's data quality is Drift (an upstream outage, not a shift). Default 0.5.</summary>
    public double MissingRateDrift { get; init; } = 0.5;

    /// <summary>Share of values outside the declared type, range or allowed set from which data quality warns. Default 0.001: any real number of them is worth a look.</summary>
    public double InvalidRateWarn { get; init; } = 0.001;

    /// <summary>Share of values outside the declared type, range or allowed set from which data quality is Drift. Default 0.05.</summary>
    public double InvalidRateDrift { get; init; } = 0.05;
}
