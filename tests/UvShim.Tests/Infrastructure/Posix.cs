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

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern uint getegid();

    [DllImport("libc", SetLastError = true)]
    private static extern int lchown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
