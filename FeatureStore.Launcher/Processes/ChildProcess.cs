using System.Diagnostics;
using FeatureStore.Launcher.Console;

namespace FeatureStore.Launcher.Processes;

/// <summary>
/// A process the launcher started: its output goes to the log prefixed with its name, the last
/// lines are kept for error messages, and it is stopped by a signal, then killed if it lingers.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 20;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string name, ProcessStartInfo start, ILaunchLog log, bool echo = true)
    {
        IsolateFromTerminalSignals(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true; // children must not read our terminal (Ctrl+C belongs to us)
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(name, e.Data, log, echo);
        process.ErrorDataReceived += (_, e) => child.OnLine(name, e.Data, log, echo);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            process.Dispose();
            throw new LaunchException($"{name}: cannot run '{start.FileName}' ({error.Message}); run 'bash eng/install-prerequisites.sh' to install what is missing", error);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Runs the child in its own session (setsid execs, so the PID stays the child's). Ctrl+C in a
    /// terminal signals the whole foreground process group; children that saw it too would exit on
    /// their own and look like crashes. The launcher alone decides when and how they stop.
    /// </summary>
    private static void IsolateFromTerminalSignals(ProcessStartInfo start)
    {
        const string setsid = "/usr/bin/setsid";
        if (!File.Exists(setsid) || start.FileName == setsid)
        {
            return;
        }

        start.ArgumentList.Insert(0, start.FileName);
        start.FileName = setsid;
    }

    /// <summary>The last lines the process wrote, on one line (errors are one line), for error messages.</summary>
    public string LastLines(int count = 5)
    {
        lock (_gate)
        {
            var lines = _lastLines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();
            return string.Join(" | ", lines.Skip(Math.Max(0, lines.Count - count)));
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// <see cref="LastLines"/> of a process that has exited, once its output is read to the end (up to
    /// <paramref name="wait"/>: a child of it may hold the pipe): HasExited turns true before the last lines written
    /// have reached us, and a server's dying words are what its error message is for.
    /// </summary>
    public async Task<string> LastLinesAfterExitAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token); // after the exit, waits for both pipes' end
        }
        catch (OperationCanceledException)
        {
            // Whatever has arrived.
        }

        return LastLines();
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        PosixSignals.Send(_process.Id, signal);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(PosixSignals.SigTerm, TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void OnLine(string name, string? line, ILaunchLog log, bool echo)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }

        if (echo)
        {
            log.Line(name, line);
        }
    }
}
