using System.Collections.Concurrent;
using FeatureStore.Launcher.Console;

namespace FeatureStore.Benchmarks.Stack;

/// <summary>Keeps what the servers said, shown only when they fail to start (the results table stays readable).</summary>
internal sealed class LaunchLog : ILaunchLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Line(string source, string text) => _lines.Enqueue($"{source} | {text}");

    public override string ToString() => string.Join(Environment.NewLine, _lines);
}
