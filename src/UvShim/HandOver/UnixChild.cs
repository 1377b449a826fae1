using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using UvShim.Platform;

namespace UvShim.HandOver;

/// <summary>What became of a child: its exit code, or the signal that ended it.</summary>
internal readonly record struct ChildExit(int? Code, int? Signal)
{
    /// <summary>The exit code, or 128 + the signal, as a shell reports it.</summary>
    public int ShellCode => Code ?? 128 + (Signal ?? 0);
}

/// <summary>Which of uv's output streams a child run discards.</summary>
internal enum ChildOutput
{
    /// <summary>uvshim's own standard streams, as an exec'd uv has them.</summary>
    Inherited,
    NoStdout,
    None,
}

/// <summary>
/// Runs uv as a child the way an exec'd uv would run: the argument and environment bytes as given, uvshim's own
/// standard streams and process group (so the terminal and job control are the same), SIGPIPE at its default and no
/// blocked signals; uvshim waits for it (<see cref="ChildSignals"/> passes SIGINT and SIGTERM on meanwhile).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static unsafe class UnixChild
{
    public static ChildExit Run(IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment, ChildOutput output, ChildSignals? signals)
    {
        using var arena = new NativeArena();
        List<SpawnAction> actions = output switch
        {
            ChildOutput.NoStdout => [SpawnAction.Open(1, "/dev/null")],
            ChildOutput.None => [SpawnAction.Open(1, "/dev/null"), SpawnAction.Open(2, "/dev/null")],
            _ => [],
        };
        var pid = PosixSpawn.Start(arena, argv, arena.Strings(environment), actions, out var error);
        if (pid == 0)
        {
            Output.StdErr.Line($"cannot run {System.Text.Encoding.UTF8.GetString(argv[0])}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error})");
            return new ChildExit(2, null);
        }
        signals?.Track(pid);
        var exit = PosixSpawn.Decode(PosixSpawn.Wait(pid, 0)!.Value);
        signals?.Untrack(pid, exit.Signal);
        return new ChildExit(exit.Code, exit.Signal);
    }
}
