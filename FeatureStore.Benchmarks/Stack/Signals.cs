using System.Runtime.InteropServices;

namespace FeatureStore.Benchmarks.Stack;

/// <summary>SIGTERM by PID: .NET's Process.Kill sends SIGKILL, which gives ASP.NET Core no chance to stop cleanly.</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
