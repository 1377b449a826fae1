using System.Runtime.InteropServices;

namespace UvShim.FakeUv;

/// <summary>The few libc calls the fake needs (Linux).</summary>
internal static unsafe partial class Native
{
    public const int SIGPIPE = 13;
    public const int EEXIST = 17;

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "getuid")]
    public static partial uint GetUid();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    [LibraryImport("libc", EntryPoint = "getgid")]
    public static partial uint GetGid();

    [LibraryImport("libc", EntryPoint = "getegid")]
    public static partial uint GetEgid();

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    public static partial int MkDir(byte* path, uint mode);

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true)]
    public static partial int ExecVe(byte* path, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "signal")]
    public static partial nint Signal(int signum, nint handler);

    public static bool IsTerminal(int fd) => IsATty(fd) == 1;

    /// <summary>Copies byte strings into one NUL-terminated native array of NUL-terminated strings.</summary>
    public static byte** AllocStringArray(IReadOnlyList<byte[]> items)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(items.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < items.Count; i++)
        {
            array[i] = AllocCString(items[i]);
        }
        return array;
    }

    public static byte* AllocCString(byte[] bytes)
    {
        var p = (byte*)NativeMemory.AllocZeroed((nuint)bytes.Length + 1);
        bytes.AsSpan().CopyTo(new Span<byte>(p, bytes.Length));
        return p;
    }
}
