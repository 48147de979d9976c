using FeatureStore.Core.Drift;
using FeatureStore.Drift.Alerts;
using Microsoft.Extensions.Options;

namespace FeatureStore.Drift.Runs;

/// <summary>
/// Sends an alert once per drift episode: each report's status goes through <see cref="AlertEpisodes.Decide"/>
/// with the status remembered in the store (per subject and check, so replicas agree). An opened episode is
/// logged and, when <c>Drift:Webhook:Url</c> is set, posted. A post that fails reopens the episode's start, so the
/// next run tries again: an alert nobody received has not been sent.
/// </summary>
public sealed class DriftAlerts(IDriftAlertStates states, IServiceProvider services, IOptions<WebhookAlertOptions> webhook, ILogger<DriftAlerts> logger)
{
    /// <summary>Records <paramref name="outcome"/>'s status; true when it opened an episode (and the alert went out).</summary>
    public async Task<bool> ObserveAsync(CheckOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var report = outcome.Report;
        AlertDecision? decision = null;
        var before = await states.ExchangeAsync(report.Feature, report.Check, remembered =>
        {
            decision = AlertEpisodes.Decide(DriftStatusText.Parse(remembered), outcome.Alert.Status);
            return DriftStatusText.Of(decision.Remember);
        }, cancellationToken);
        if (decision is not { Fire: true })
        {
            return false;
        }

        logger.LogWarning("Drift alert: {Subject} entered {Status} ({Check}) in [{Start:O}, {End:O}): {Summary}; report {ReportId}",
            report.Feature, report.Status, report.Check, report.WindowStart, report.WindowEnd, outcome.Alert.Summary, report.Id);
        if (webhook.Value.Url is null)
        {
            return true;
        }

        try
        {
            // Typed HTTP clients are transient: one per alert, so the handler pool can rotate connections.
            await services.GetRequiredService<IAlertSink>().SendAsync(outcome.Alert, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError("Drift alert for {Subject} could not be posted ({Message}); it will be tried again on the next run", report.Feature, error.Message);
            await states.ExchangeAsync(report.Feature, report.Check, _ => before ?? DriftStatuses.Ok, CancellationToken.None);
            return false;
        }
    }
}
