using System.Runtime.InteropServices;

namespace FeatureStore.Launcher.Processes;

/// <summary>
/// Sends POSIX signals. .NET's Process.Kill only sends SIGKILL, which gives a server no chance to
/// flush: Postgres wants SIGINT (fast shutdown), Redis and ASP.NET Core want SIGTERM.
/// </summary>
internal static partial class PosixSignals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    /// <summary>True when the signal was delivered; false when the process is already gone.</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
