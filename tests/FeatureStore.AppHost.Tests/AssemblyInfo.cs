using System.Runtime.Versioning;

// These tests read /proc and send POSIX signals: they describe the launcher on Linux.
[assembly: SupportedOSPlatform("linux")]
