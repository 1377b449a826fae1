using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace UvShim.Native;

/// <summary>
/// Replaces uvshim with uv (docs/design.md, "One path"): same PID, terminal, signals and exit status.
/// Returns only if execve failed.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static unsafe class UnixExec
{
    public static int Exec(byte[] path, IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment)
    {
        using var arena = new NativeArena();
        var pathPtr = arena.String(path);
        var argvPtr = arena.Strings(argv);
        var envPtr = arena.Strings(environment);

        // .NET ignores SIGPIPE and an ignored signal survives exec; uv expects the default.
        Libc.signal(Libc.SIGPIPE, 0);
        Libc.execve(pathPtr, argvPtr, envPtr);
        return Marshal.GetLastPInvokeError();
    }
}
