using System.Runtime.InteropServices;
using System.Text;

namespace UvShim.Native;

/// <summary>What the probe cache keys on and checks: change time, size, owner, and whether a path is a link.</summary>
internal readonly record struct FileStatus(long ChangeSeconds, uint ChangeNanoseconds, long Size, uint Owner, bool IsSymbolicLink, bool IsDirectory);

internal static unsafe partial class FileStatusReader
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const ushort TypeMask = 0xF000;
    private const ushort TypeLink = 0xA000;
    private const ushort TypeDirectory = 0x4000;

    /// <summary>
    /// statx(2) on Linux, whose struct has one layout on every architecture; elsewhere the
    /// last write time stands in for the change time and the owner is unknown (uint.MaxValue).
    /// </summary>
    public static FileStatus? Read(string path) => Read(path, viaSystemCall: false);

    internal static FileStatus? Read(string path, bool viaSystemCall)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = stackalloc byte[256];
            var bytes = Encoding.UTF8.GetBytes(path + "\0");
            fixed (byte* p = bytes)
            {
                if (Statx(p, buffer, viaSystemCall) != 0)
                    return null;
            }
            var mode = *(ushort*)(buffer + 28);
            return new FileStatus(
                ChangeSeconds: *(long*)(buffer + 96),
                ChangeNanoseconds: *(uint*)(buffer + 104),
                Size: *(long*)(buffer + 40),
                Owner: *(uint*)(buffer + 20),
                IsSymbolicLink: (mode & TypeMask) == TypeLink,
                IsDirectory: (mode & TypeMask) == TypeDirectory);
        }

        var info = new FileInfo(path);
        if (info.Exists)
        {
            var ticks = info.LastWriteTimeUtc.Ticks;
            return new FileStatus(ticks / TimeSpan.TicksPerSecond, (uint)(ticks % TimeSpan.TicksPerSecond * 100), info.Length, uint.MaxValue, info.LinkTarget is not null, false);
        }
        var directory = new DirectoryInfo(path);
        return directory.Exists ? new FileStatus(0, 0, 0, uint.MaxValue, directory.LinkTarget is not null, true) : null;
    }

    /// <summary>
    /// The C library's statx, or the system call itself where the C library has no wrapper: musl added one in 1.2.5
    /// (Alpine 3.20), so Alpine 3.19 and Debian's musl 1.2.3 have none.
    /// </summary>
    private static int Statx(byte* path, byte* buffer, bool viaSystemCall)
    {
        if (!viaSystemCall && s_statx != null)
            return s_statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer);
        // __NR_statx: 332 on x86_64 (arch/x86/entry/syscalls/syscall_64.tbl), 291 in the generic table arm64 uses
        // (include/uapi/asm-generic/unistd.h); elsewhere no status, so the probe is not cached.
        long number = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 332,
            Architecture.Arm64 => 291,
            _ => -1,
        };
        return number < 0 ? -1 : (int)syscall(number, AtFdCwd, (nint)path, AtSymlinkNoFollow, StatxBasicStats, (nint)buffer);
    }

    /// <summary>
    /// The wrapper, looked up in the process rather than imported, so that a C library without one (see above) takes the
    /// system call, with or without the NativeAOT build's link-time binding of "libc" (UvShim.csproj, DirectPInvoke).
    /// </summary>
    private static readonly delegate* unmanaged<int, byte*, int, uint, byte*, int> s_statx =
        OperatingSystem.IsLinux() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "statx", out var address)
            ? (delegate* unmanaged<int, byte*, int, uint, byte*, int>)address
            : null;

    // syscall(2) is variadic; on x86_64 and aarch64 Linux variadic integer arguments are passed as fixed ones.
    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long dirfd, nint path, long flags, long mask, nint buffer);

    static FileStatusReader() => Libc.UseResolver();
}
