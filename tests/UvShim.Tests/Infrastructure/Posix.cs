using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>The libc calls .NET has no API for: identities and ownership.</summary>
[SupportedOSPlatform("linux")]
internal static class Posix
{
    public static bool IsRoot => geteuid() == 0;

    public static uint EffectiveUid => geteuid();

    public static uint EffectiveGid => getegid();

    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (lchown(path, uid, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"chown {uid}:{gid} {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }

    /// <summary>The owner of a path (not following a final link), from statx(2), whose layout is the same on every architecture.</summary>
    public static uint Owner(string path)
    {
        var buffer = new byte[256];
        if (statx(-100, path, 0x100, 0x7ff, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"statx {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
        return BitConverter.ToUInt32(buffer, 20);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern uint getegid();

    [DllImport("libc", SetLastError = true)]
    private static extern int lchown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
