namespace FeatureStore.Launcher;

/// <summary>
/// A failure the user can act on: its message is one line saying what went wrong and what to do.
/// The launcher prints it instead of a stack trace and exits non-zero.
/// </summary>
public sealed class LaunchException(string message, Exception? inner = null) : Exception(message, inner);
