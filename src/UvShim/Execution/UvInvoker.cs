using System.Runtime.InteropServices;
using System.Text;
using UvShim.Arguments;
using UvShim.Native;
using UvShim.Output;
using UvShim.Processes;

namespace UvShim.Execution;

/// <summary>
/// Runs the real uv: exec (the usual case; a child on Windows, which has no exec), or a child (<see cref="ChildProcess"/>)
/// on uvshim's terminal or captured. Every run gets the slots' bytes (an original token as the caller passed it) and
/// uvshim's environment with the <see cref="LoopGuardMarkers"/>.
/// </summary>
internal sealed class UvInvoker(string uvPath, byte[][] rawArguments, IReadOnlyList<KeyValuePair<string, string>> markers)
{
    public string UvPath => uvPath;

    /// <summary>Signals for the children this invoker runs (set by the caller for the duration of a multi-step plan).</summary>
    public ChildSignals? Signals { get; set; }

    /// <summary>Replaces uvshim with uv; returns only if that failed.</summary>
    public int Exec(IReadOnlyList<ArgumentSlot> slots)
    {
        ShimLog.Flush();
        if (OperatingSystem.IsWindows())
            return ChildProcess.Run(Request(slots)).ShellCode;

        var argv = Argv(slots);
        var errno = UnixExec.Exec(argv[0], argv, Environment());
        StdErr.Line($"cannot run {uvPath}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        return 2;
    }

    /// <summary>
    /// Runs uv as a child as it would run exec'd: uvshim's standard streams (<paramref name="output"/> and
    /// <paramref name="error"/> may discard them) and terminal, <see cref="Signals"/> passed on.
    /// </summary>
    public ChildResult Run(IReadOnlyList<ArgumentSlot> slots, ChildStream output = ChildStream.Inherit, ChildStream error = ChildStream.Inherit)
    {
        ShimLog.Flush();
        return ChildProcess.Run(Request(slots) with { Output = output, Error = error, Signals = Signals });
    }

    /// <summary>Runs uv with stdout and stderr captured, for uvshim to combine; stdin is empty.</summary>
    public ChildResult Capture(IReadOnlyList<ArgumentSlot> slots) =>
        ChildProcess.Run(Request(slots) with { InheritInput = false, Output = ChildStream.Capture, Error = ChildStream.Capture, Signals = Signals });

    private ChildRequest Request(IReadOnlyList<ArgumentSlot> slots) =>
        new(uvPath, Argv(slots)[1..]) { Environment = markers.ToDictionary(m => m.Key, m => (string?)m.Value) };

    /// <summary>uv's path, then each slot: an original token as the bytes the caller passed, a new one as UTF-8.</summary>
    private List<byte[]> Argv(IReadOnlyList<ArgumentSlot> slots)
    {
        var argv = new List<byte[]>(slots.Count + 1) { Encoding.UTF8.GetBytes(uvPath) };
        foreach (var slot in slots)
            argv.Add(slot.OriginalIndex >= 0 ? rawArguments[slot.OriginalIndex] : Encoding.UTF8.GetBytes(slot.Text));
        return argv;
    }

    /// <summary>The environment uvshim was started with, byte for byte, with the markers set (for exec).</summary>
    private List<byte[]> Environment()
    {
        var environment = NativeEnvironment.Read();
        foreach (var (name, value) in markers)
        {
            var prefix = Encoding.UTF8.GetBytes(name + "=");
            environment.RemoveAll(entry => entry.AsSpan().StartsWith(prefix));
            environment.Add(Encoding.UTF8.GetBytes(name + "=" + value));
        }
        return environment;
    }
}
