namespace FeatureStore.Launcher.Console;

/// <summary>Where the launcher writes: its own lines, each child's output (prefixed), the status table.</summary>
public interface ILaunchLog
{
    /// <summary>One line of output from <paramref name="source"/> (a resource name, or "apphost").</summary>
    void Line(string source, string text);
}
