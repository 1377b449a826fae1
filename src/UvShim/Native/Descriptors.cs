using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace UvShim.Native;

/// <summary>The descriptor calls a captured child needs: pipes, their reads, poll and close.</summary>
[UnsupportedOSPlatform("windows")]
internal static unsafe partial class Descriptors
{
    public const int EINTR = 4;
    public const short POLLIN = 0x1;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    static Descriptors() => Libc.UseResolver();

    [LibraryImport("libc", SetLastError = true)]
    public static partial int pipe(int* fds);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc")]
    public static partial int usleep(uint microseconds);
}
