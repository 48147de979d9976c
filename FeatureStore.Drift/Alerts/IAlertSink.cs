namespace FeatureStore.Drift.Alerts;

/// <summary>Where alerts go (a webhook, a chat, a pager): the worker calls it only when <see cref="AlertEpisodes"/> says to fire.</summary>
public interface IAlertSink
{
    /// <summary>Delivers <paramref name="alert"/>; throws when it could not.</summary>
    Task SendAsync(DriftAlert alert, CancellationToken cancellationToken);
}
