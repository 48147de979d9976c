using FeatureStore.Launcher.Processes;

namespace FeatureStore.Launcher.Servers;

/// <summary>Polls a server until it answers, failing fast with its own words if its process dies.</summary>
internal static class Readiness
{
    public static async Task WaitAsync(string name, ChildProcess? process, Func<CancellationToken, Task<bool>> probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new LaunchException($"{name} exited with code {process.ExitCode} while starting: {await process.LastLinesAfterExitAsync(TimeSpan.FromSeconds(2))}");
            }

            try
            {
                if (await probe(deadline.Token))
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LaunchException($"{name} did not accept connections within {timeout.TotalSeconds:0} s: {process?.LastLines()}");
            }
        }
    }
}
