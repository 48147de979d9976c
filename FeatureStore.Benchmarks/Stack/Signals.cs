using System.Runtime.InteropServices;

namespace FeatureStore.Benchmarks.Stack;

/// <summary>SIGTERM by PID: .NET's Process.Kill sends SIGKILL, which gives ASP.NET Core no chance to stop cleanly.</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>
    /// Ctrl+C and SIGTERM cancel <paramref name="stop"/> instead of ending the process, so a run
    /// stops what it started either way (a background job ignores SIGINT: `kill PID` must be as clean).
    /// </summary>
    public static IDisposable CancelOnStop(CancellationTokenSource stop)
    {
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        return new Registrations(PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop));
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
