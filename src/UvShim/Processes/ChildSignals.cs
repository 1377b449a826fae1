using System.Runtime.InteropServices;

using UvShim.Native;

namespace UvShim.Processes;

/// <summary>
/// While uvshim runs uv as a child (commands that need more than one uv run), SIGINT and SIGTERM sent
/// to uvshim are passed to the running child, and uvshim then dies of the same signal, so the caller
/// sees what it would have seen had uvshim exec'd: the process killed by its signal.
/// </summary>
internal sealed class ChildSignals : IDisposable
{
    private readonly object _gate = new();
    private readonly HashSet<int> _children = [];
    private readonly PosixSignalRegistration[] _registrations;
    private int? _signal;
    private int? _received;

    public ChildSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Forward(context, Libc.SIGINT)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, Libc.SIGTERM)),
        ];
    }

    /// <summary>The signal that ended the last child, or that uvshim received; null if none.</summary>
    public int? Signal => _signal;

    /// <summary>A child started after the signal came (or before it was tracked) gets the signal at once.</summary>
    public void Track(int pid)
    {
        lock (_gate)
        {
            _children.Add(pid);
            if (_received is { } signal)
                Libc.kill(pid, signal);
        }
    }

    public void Untrack(int pid, int exitCode) =>
        // .NET reports a child killed by signal N as 128 + N; uv's pip commands exit 0, 1 or 2.
        Untrack(pid, exitCode is > 128 and <= 128 + 64 ? exitCode - 128 : null);

    /// <summary>The child has ended, killed by <paramref name="signal"/> or (null) by itself.</summary>
    public void Untrack(int pid, int? signal)
    {
        lock (_gate)
            _children.Remove(pid);
        if (signal is not null)
            _signal ??= signal;
    }

    private void Forward(PosixSignalContext context, int signal)
    {
        context.Cancel = true;
        lock (_gate)
        {
            _signal = _received = signal;
            foreach (var child in _children)
                Libc.kill(child, signal);
        }
    }

    /// <summary>Dies of <see cref="Signal"/> if there is one; returns only if there is none (or dying failed).</summary>
    public void ReRaise()
    {
        if (_signal is not { } signal || OperatingSystem.IsWindows())
            return;
        Dispose();
        Output.ShimLog.Flush();
        Libc.signal(signal, 0);
        Libc.kill(Environment.ProcessId, signal);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
    }
}
