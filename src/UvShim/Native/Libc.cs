using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UvShim.Native;

/// <summary>The few C library calls uvshim needs on Unix.</summary>
internal static unsafe partial class Libc
{
    private const string Name = "libc";

    public const int SIGPIPE = 13;
    public const int SIGINT = 2;
    public const int SIGTERM = 15;
    public const int W_OK = 2;

    static Libc()
    {
        // NativeAOT binds "libc" at link time (DirectPInvoke, UvShim.csproj), and asking for the assembly here would
        // cost a quarter of a hand-over (bench/README). A JIT build looks it up at run time, and "libc" alone would
        // need the libc.so linker script of libc6-dev, which slim images lack.
        if (RuntimeFeature.IsDynamicCodeSupported)
            NativeLibrary.SetDllImportResolver(typeof(Libc).Assembly, Resolve);
    }

    /// <summary>Runs the static constructor: classes with their own "libc" imports call this first.</summary>
    public static void UseResolver()
    {
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Name)
            return 0;
        if (OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var glibc))
            return glibc;
        if (OperatingSystem.IsMacOS() && NativeLibrary.TryLoad("/usr/lib/libSystem.B.dylib", out var system))
            return system;
        return NativeLibrary.TryLoad(name, assembly, path, out var other) ? other : 0;
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int execve(byte* path, byte** argv, byte** envp);

    [LibraryImport(Name, SetLastError = true)]
    public static partial nint signal(int signum, nint handler);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int access(byte* path, int mode);

    [LibraryImport(Name, SetLastError = true)]
    public static partial byte* realpath(byte* path, byte* resolved);

    [LibraryImport(Name)]
    public static partial void free(void* pointer);

    [LibraryImport(Name, SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int kill(int pid, int signal);

    /// <summary>1 when the descriptor is a terminal.</summary>
    [LibraryImport(Name)]
    public static partial int isatty(int fd);

    [LibraryImport(Name)]
    public static partial uint getuid();

    [LibraryImport(Name)]
    public static partial uint geteuid();

    [LibraryImport(Name)]
    public static partial uint getgid();

    [LibraryImport(Name)]
    public static partial uint getegid();
}
