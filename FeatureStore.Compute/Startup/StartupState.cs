using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeatureStore.Compute.Startup;

/// <summary>Compute's start-up work (migrations, then seeding) as a readiness check the launcher waits for.</summary>
internal sealed class StartupState : IHealthCheck
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _step = "waiting to migrate the schema";
    private volatile bool _done;

    public void Report(string step) => _step = step;

    public void Done()
    {
        _done = true;
        _finished.TrySetResult();
    }

    /// <summary>Completes once start-up work is done (the schema exists): pipelines wait for this.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _finished.Task.WaitAsync(cancellationToken);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy("start-up work done") : HealthCheckResult.Unhealthy(_step));
}
