using FeatureStore.Launcher.Console;

namespace FeatureStore.Launcher;

/// <summary>What every resource needs while starting: the options, the log and the repository layout.</summary>
public sealed record LaunchContext(LauncherOptions Options, ILaunchLog Log, bool UseDocker);
