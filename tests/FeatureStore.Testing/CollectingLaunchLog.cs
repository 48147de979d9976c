using System.Collections.Concurrent;
using FeatureStore.Launcher.Console;

namespace FeatureStore.Testing;

/// <summary>Keeps the launcher's lines in memory, so a failing test can show what the servers said.</summary>
public sealed class CollectingLaunchLog : ILaunchLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Line(string source, string text) => _lines.Enqueue($"{source} | {text}");

    public override string ToString() => string.Join(Environment.NewLine, _lines);
}
