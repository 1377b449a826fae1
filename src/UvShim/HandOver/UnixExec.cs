using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace UvShim.HandOver;

/// <summary>
/// Replaces uvshim with uv (SPEC §5): same PID, terminal, signals and exit status.
/// Returns only if execve failed.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static unsafe class UnixExec
{
    public static int Exec(byte[] path, IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment)
    {
        var allocations = new List<nint>();
        try
        {
            var pathPtr = Copy(path, allocations);
            var argvPtr = CopyArray(argv, allocations);
            var envPtr = CopyArray(environment, allocations);

            // .NET ignores SIGPIPE and an ignored signal survives exec; uv expects the default.
            Libc.signal(Libc.SIGPIPE, 0);
            Libc.execve(pathPtr, argvPtr, envPtr);
            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            foreach (var allocation in allocations)
                NativeMemory.Free((void*)allocation);
        }
    }

    private static byte* Copy(byte[] bytes, List<nint> allocations)
    {
        var buffer = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        allocations.Add((nint)buffer);
        bytes.CopyTo(new Span<byte>(buffer, bytes.Length));
        buffer[bytes.Length] = 0;
        return buffer;
    }

    private static byte** CopyArray(IReadOnlyList<byte[]> items, List<nint> allocations)
    {
        var array = (byte**)NativeMemory.Alloc((nuint)(items.Count + 1), (nuint)sizeof(byte*));
        allocations.Add((nint)array);
        for (var i = 0; i < items.Count; i++)
            array[i] = Copy(items[i], allocations);
        array[items.Count] = null;
        return array;
    }
}
