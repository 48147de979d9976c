namespace FeatureStore.Drift.Alerts;

/// <summary>Where <see cref="WebhookAlertSink"/> posts (configuration section <c>Drift:Webhook</c>).</summary>
public sealed class WebhookAlertOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Drift:Webhook";

    /// <summary>The URL that receives each alert as a JSON POST.</summary>
    public Uri? Url { get; set; }
}
