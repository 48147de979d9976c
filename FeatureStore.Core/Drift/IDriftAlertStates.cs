namespace FeatureStore.Core.Drift;

/// <summary>The status remembered per alert subject between runs, so an alert fires once per drift episode.</summary>
public interface IDriftAlertStates
{
    /// <summary>
    /// Atomically replaces the status remembered for (<paramref name="subject"/>, <paramref name="check"/>) with
    /// what <paramref name="decide"/> makes of it (null when nothing is remembered yet) and returns the status remembered before.
    /// Concurrent callers for the same subject take turns, so two replicas never both see the episode open.
    /// </summary>
    Task<string?> ExchangeAsync(string subject, string check, Func<string?, string> decide, CancellationToken cancellationToken);
}
