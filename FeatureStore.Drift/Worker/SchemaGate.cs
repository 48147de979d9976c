using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeatureStore.Drift.Worker;

/// <summary>Holds the worker back until the Compute service has migrated the schema (the <c>schema</c> readiness check), as the launcher holds traffic back.</summary>
internal sealed class SchemaGate(HealthCheckService health, ILogger<SchemaGate> logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // The check itself catches Postgres being away and reports it as unhealthy.
            var report = await health.CheckHealthAsync(check => check.Name == "schema", cancellationToken);
            if (report.Status == HealthStatus.Healthy)
            {
                return;
            }

            logger.LogInformation("Waiting for the schema ({Reason}); retrying in {Delay}",
                string.Join("; ", report.Entries.Values.Select(e => e.Description ?? e.Exception?.Message)), RetryDelay);
            await Task.Delay(RetryDelay, cancellationToken);
        }
    }
}
