namespace FeatureStore.Drift.Worker;

/// <summary>When and over what the drift worker checks features (configuration section <c>Drift</c>).</summary>
public sealed class DriftOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Drift";

    /// <summary>False turns the scheduled and requested runs off (the worker only answers health checks).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a scheduled run starts; runs are aligned to multiples of it (every full hour by default).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The current window a run checks: the values that became true in this span before the run's end. Default one day.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The rolling reference window (the span just before the current window) used when a feature has no other baseline. Default seven days.</summary>
    public TimeSpan BaselineWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most values read per feature and window (the baseline's too). Default 5000, as many as the classifier uses per side.</summary>
    public int SampleSize { get; set; } = 5000;

    /// <summary>Most serving samples compared per feature and window in the skew check. Default 5000.</summary>
    public int SkewSamplesPerFeature { get; set; } = 5000;

    /// <summary>Serving samples older than this are deleted after a run. Default seven days.</summary>
    public TimeSpan ServingSampleRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often an idle worker looks for requested checks and due schedules. Default five seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed check is a replica's before another may take it over. Default fifteen minutes.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per-feature settings: a fixed reference window, an expected range. A list, since feature names hold a colon.</summary>
    public List<FeatureDriftSettings> Features { get; } = [];

    /// <summary>The settings of <paramref name="feature"/>; null when it has none (the last entry counts).</summary>
    public FeatureDriftSettings? For(string feature) => Features.LastOrDefault(f => f.Feature == feature);
}
