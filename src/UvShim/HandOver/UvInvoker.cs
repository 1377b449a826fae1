using System.Diagnostics;
using System.Runtime.InteropServices;
using CliWrap;
using CliWrap.Buffered;
using UvShim.Arguments;

namespace UvShim.HandOver;

/// <summary>The ways uvshim runs the real uv: exec (the usual case), a child on the shared terminal, or captured.</summary>
internal sealed class UvInvoker(string uvPath, byte[][] rawArguments, IReadOnlyList<string> arguments,
    IReadOnlyList<KeyValuePair<string, string>> markers)
{
    public string UvPath => uvPath;

    /// <summary>Signals for the children this invoker runs (set by the caller for the duration of a composed plan).</summary>
    public ChildSignals? Signals { get; set; }

    public string Text(ArgumentSlot slot) => slot.OriginalIndex >= 0 ? arguments[slot.OriginalIndex] : slot.Text;

    public IReadOnlyList<string> Texts(IReadOnlyList<ArgumentSlot> slots) => slots.Select(Text).ToList();

    /// <summary>Replaces uvshim with uv; returns only if that failed.</summary>
    public int Exec(IReadOnlyList<ArgumentSlot> slots) => UvProcess.HandOver(uvPath, slots, rawArguments, arguments, markers);

    /// <summary>
    /// Runs uv as a child as it would run exec'd (<see cref="UnixChild"/>): the slots' bytes as
    /// <see cref="Exec"/> passes them, uvshim's terminal; <paramref name="output"/> says what it discards.
    /// </summary>
    public ChildExit RunChild(IReadOnlyList<ArgumentSlot> slots, ChildOutput output = ChildOutput.Inherited)
    {
        Output.ShimLog.Flush();
        if (OperatingSystem.IsWindows())
            return new ChildExit(Run(Texts(slots), quietStdout: output != ChildOutput.Inherited), null);
        return UnixChild.Run(UvProcess.Argv(uvPath, slots, rawArguments), UvProcess.Environment(markers), output, Signals);
    }

    /// <summary>Runs uv as a child on uvshim's own standard streams and returns its exit code (see <see cref="ChildSignals"/>).</summary>
    public int Run(IReadOnlyList<string> args, string? workingDirectory = null, bool quietStdout = false)
    {
        var start = new ProcessStartInfo(uvPath) { UseShellExecute = false, RedirectStandardOutput = quietStdout };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in markers)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        Signals?.Track(process.Id);
        if (quietStdout)
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        process.WaitForExit();
        Signals?.Untrack(process.Id, process.ExitCode);
        return process.ExitCode;
    }

    /// <summary>Runs uv with its output captured, for uvshim to combine.</summary>
    public BufferedCommandResult Capture(IReadOnlyList<string> args, string? workingDirectory = null)
    {
        var command = Cli.Wrap(uvPath).WithArguments(args).WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(markers.ToDictionary(m => m.Key, m => (string?)m.Value));
        if (workingDirectory is not null)
            command = command.WithWorkingDirectory(workingDirectory);
        var task = command.ExecuteBufferedAsync();
        Signals?.Track(task.ProcessId);
        var result = task.GetAwaiter().GetResult();
        Signals?.Untrack(task.ProcessId, result.ExitCode);
        return result;
    }
}
