using System.Runtime.InteropServices;
using System.Text;

namespace UvShim.Native;

/// <summary>
/// The process environment as the C library holds it, byte for byte. .NET keeps its own copy and
/// never writes back, and uvshim sets nothing, so this block is what uvshim was started with.
/// </summary>
internal static unsafe class NativeEnvironment
{
    /// <summary>
    /// The C library's <c>environ</c> (Unix), to pass on as it is; null where there is none. Looked up in the process's
    /// global scope, where the C library always is.
    /// </summary>
    public static byte** Block =>
        !OperatingSystem.IsWindows() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "environ", out var address) && address != 0
            ? *(byte***)address
            : null;

    public static List<byte[]> Read()
    {
        var result = new List<byte[]>();
        if (Block is var environ && environ != null)
        {
            for (var entry = environ; *entry != null; entry++)
                result.Add(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(*entry).ToArray());
            return result;
        }

        foreach (System.Collections.DictionaryEntry pair in Environment.GetEnvironmentVariables())
            result.Add(Encoding.UTF8.GetBytes($"{pair.Key}={pair.Value}"));
        return result;
    }
}
