using System.Diagnostics;
using FeatureStore.Launcher.Console;

namespace FeatureStore.Launcher.Processes;

/// <summary>Runs a short command to completion (initdb, chown) and fails with its output when it fails.</summary>
internal static class CommandRunner
{
    public static async Task RunAsync(string name, string program, ProcessStartInfo start, ILaunchLog log, CancellationToken cancellationToken)
    {
        await using var child = ChildProcess.Start(name, start, log, echo: false);
        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new LaunchException($"{name}: {program} failed with exit code {child.ExitCode}: {child.LastLines()}");
        }
    }
}
