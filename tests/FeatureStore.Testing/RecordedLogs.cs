using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Testing;

/// <summary>A logger provider that records every entry at or above a level, for tests that assert what a host logs.</summary>
public sealed class RecordedLogs(LogLevel atLeast) : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    /// <summary>The entries recorded so far, in the order they were logged.</summary>
    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= logs.AtLeast;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs._entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }

    private LogLevel AtLeast { get; } = atLeast;
}
