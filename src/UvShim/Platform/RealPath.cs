using System.Runtime.InteropServices;
using System.Text;
using UvShim.Native;

namespace UvShim.Platform;

/// <summary>The canonical path of a file: every link, in the file and in its parents, resolved.</summary>
internal static unsafe class RealPath
{
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;

        var bytes = Encoding.UTF8.GetBytes(full + "\0");
        fixed (byte* input = bytes)
        {
            var resolved = Libc.realpath(input, null);
            if (resolved == null)
                return full;
            try
            {
                return Marshal.PtrToStringUTF8((nint)resolved) ?? full;
            }
            finally
            {
                Libc.free(resolved);
            }
        }
    }
}
