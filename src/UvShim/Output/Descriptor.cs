using System.Runtime.InteropServices;
using System.Text;
using UvShim.Native;

namespace UvShim.Output;

/// <summary>
/// Writes to standard output or error with <c>write(2)</c>. Not through Console, which sends
/// terminal mode bytes (keypad_xmit) to a terminal uv then inherits; not through FileStream, which
/// writes at its own offset (pwrite) so that, on <c>2&gt;file</c>, uv's output would overwrite ours.
/// </summary>
internal static unsafe class Descriptor
{
    private const int EINTR = 4;

    public static void Write(int fd, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (OperatingSystem.IsWindows())
        {
            using var stream = fd == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
            stream.Write(bytes);
            return;
        }

        fixed (byte* start = bytes)
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var written = Libc.write(fd, start + offset, (nuint)(bytes.Length - offset));
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == EINTR)
                        continue;
                    return; // A closed or broken stream must not turn into a failure of the command.
                }
                offset += (int)written;
            }
        }
    }
}
