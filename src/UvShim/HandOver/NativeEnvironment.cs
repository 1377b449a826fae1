using System.Runtime.InteropServices;
using System.Text;

namespace UvShim.HandOver;

/// <summary>
/// The process environment as the C library holds it, byte for byte. .NET keeps its own copy and
/// never writes back, so uvshim passes this block to execve explicitly.
/// </summary>
internal static unsafe class NativeEnvironment
{
    public static List<byte[]> Read()
    {
        var result = new List<byte[]>();
        if (!OperatingSystem.IsWindows() && NativeLibrary.TryGetExport(Libc.Handle, "environ", out var address) && address != 0)
        {
            var environ = *(byte***)address;
            for (var entry = environ; entry != null && *entry != null; entry++)
                result.Add(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(*entry).ToArray());
            return result;
        }

        foreach (System.Collections.DictionaryEntry pair in Environment.GetEnvironmentVariables())
            result.Add(Encoding.UTF8.GetBytes($"{pair.Key}={pair.Value}"));
        return result;
    }
}
