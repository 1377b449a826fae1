using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace UvShim.Native;

/// <summary>One descriptor change in a spawned child: open a path on a descriptor, duplicate one onto another, or close one.</summary>
internal readonly record struct SpawnAction(SpawnActionKind Kind, int Fd, int Source = -1, string? Path = null)
{
    public static SpawnAction Open(int fd, string path) => new(SpawnActionKind.Open, fd, Path: path);

    public static SpawnAction Dup2(int source, int fd) => new(SpawnActionKind.Dup2, fd, source);

    public static SpawnAction Close(int fd) => new(SpawnActionKind.Close, fd);

    /// <summary>The child's working directory (<see cref="PosixSpawn.CanChangeDirectory"/>).</summary>
    public static SpawnAction ChangeDirectory(string path) => new(SpawnActionKind.ChangeDirectory, -1, Path: path);
}

internal enum SpawnActionKind
{
    Open,
    Dup2,
    Close,
    ChangeDirectory,
}

/// <summary>
/// posix_spawn and waitpid, for every child uvshim starts on Unix (<see cref="Processes.PosixChild"/>): the child starts with SIGPIPE at its default and no blocked signals, as an exec'd uv does.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static unsafe partial class PosixSpawn
{
    private const int EINTR = 4;
    private const int O_RDONLY = 0;
    private const int O_WRONLY = 1;
    private const int SIGCHLD_LINUX = 17;
    private const int SIGCHLD_BSD = 20;
    private const nint SIG_IGN = 1;
    private const short POSIX_SPAWN_SETSIGDEF = 0x04;
    private const short POSIX_SPAWN_SETSIGMASK = 0x08;

    // Opaque C types, larger than on any supported libc (glibc: 80 and 336 bytes, sigset_t 128; macOS: a pointer, 4 bytes).
    private const int FileActionsSize = 512;
    private const int AttributesSize = 1024;
    private const int SignalSetSize = 256;

    /// <summary>Starts <c>argv[0]</c>; returns the PID, or 0 with <paramref name="error"/> set (an errno).</summary>
    public static int Start(NativeArena arena, IReadOnlyList<byte[]> argv, byte** envp, IReadOnlyList<SpawnAction> actions, out int error)
    {
        var fileActions = arena.Zeroed(FileActionsSize);
        var attributes = arena.Zeroed(AttributesSize);
        var signals = arena.Zeroed(SignalSetSize);
        posix_spawn_file_actions_init(fileActions);
        posix_spawnattr_init(attributes);
        try
        {
            foreach (var action in actions)
            {
                _ = action.Kind switch
                {
                    // Descriptor 0 is read, the others written (a discarded stdout or stderr).
                    SpawnActionKind.Open => posix_spawn_file_actions_addopen(fileActions, action.Fd, arena.String(action.Path!), action.Fd == 0 ? O_RDONLY : O_WRONLY, 0),
                    SpawnActionKind.Dup2 => posix_spawn_file_actions_adddup2(fileActions, action.Source, action.Fd),
                    SpawnActionKind.ChangeDirectory => ((delegate* unmanaged<void*, byte*, int>)ChangeDirectoryExport)(fileActions, arena.String(action.Path!)),
                    _ => posix_spawn_file_actions_addclose(fileActions, action.Fd),
                };
            }

            // .NET ignores SIGPIPE, and an ignored signal survives exec: the child gets the default, and no blocked signals.
            sigemptyset(signals);
            posix_spawnattr_setsigmask(attributes, signals);
            sigaddset(signals, Libc.SIGPIPE);
            // glibc's child leaves its internal signals (32 and 33: SIGCANCEL, SIGSETXID) ignored unless the default set
            // names them, which sigaddset refuses to do; exec'd, uv would have them at the default (glibc
            // sysdeps/unix/sysv/linux/spawni.c __spawni_child). sigset_t is a bit array there, bit n-1 for signal n.
            if (OperatingSystem.IsLinux())
                *(ulong*)signals |= (1UL << 31) | (1UL << 32);
            posix_spawnattr_setsigdefault(attributes, signals);
            posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

            var argvPtr = arena.Strings(argv);
            int pid;
            error = posix_spawn(&pid, argvPtr[0], fileActions, attributes, argvPtr, envp);
            return error == 0 ? pid : 0;
        }
        finally
        {
            posix_spawnattr_destroy(attributes);
            posix_spawn_file_actions_destroy(fileActions);
        }
    }

    /// <summary>The wait status of <paramref name="pid"/>; null when <paramref name="options"/> has WNOHANG and it still runs.</summary>
    public static int? Wait(int pid, int options)
    {
        while (true)
        {
            int status;
            var result = waitpid(pid, &status, options);
            if (result == pid)
                return status;
            if (result == 0)
                return null;
            if (Marshal.GetLastPInvokeError() != EINTR)
                throw new IOException("waitpid: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }
    }

    /// <summary>Exit code, or the signal that ended it (the same encoding on Linux and macOS).</summary>
    public static (int? Code, int? Signal) Decode(int status) =>
        (status & 0x7f) == 0 ? ((status >> 8) & 0xff, null) : (null, status & 0x7f);

    /// <summary>True when SIGCHLD is ignored (some container inits leave it so): the kernel then reaps children at once.</summary>
    public static bool ChildSignalIgnored()
    {
        // The handler is the first field of struct sigaction on glibc and macOS; the rest is not needed.
        var action = stackalloc byte[512];
        return sigaction(ChildSignal, null, action) == 0 && *(nint*)action == SIG_IGN;
    }

    /// <summary>
    /// With SIGCHLD ignored, waitpid has no status to give; for a captured child it is the default, and ignored
    /// again afterwards (the returned action) for uv to inherit.
    /// </summary>
    public static Action? DefaultChildSignal()
    {
        if (!ChildSignalIgnored())
            return null;
        Libc.signal(ChildSignal, 0);
        return () => Libc.signal(ChildSignal, SIG_IGN);
    }

    // glibc 2.29, musl 1.1.24 and macOS 10.15 have it; POSIX.1-2024 names it posix_spawn_file_actions_addchdir.
    private static readonly nint ChangeDirectoryExport =
        NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "posix_spawn_file_actions_addchdir_np", out var address) ? address : 0;

    /// <summary>Whether a child can be started in another working directory.</summary>
    public static bool CanChangeDirectory => ChangeDirectoryExport != 0;

    private static int ChildSignal => OperatingSystem.IsLinux() ? SIGCHLD_LINUX : SIGCHLD_BSD;

    static PosixSpawn() => Libc.UseResolver();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int posix_spawn(int* pid, byte* path, void* actions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_addopen(void* actions, int fd, byte* path, int flags, uint mode);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_addclose(void* actions, int fd);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigmask(void* attributes, void* signals);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);

    [LibraryImport("libc")]
    private static partial int sigemptyset(void* signals);

    [LibraryImport("libc")]
    private static partial int sigaddset(void* signals, int signal);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc")]
    private static partial int sigaction(int signal, void* action, void* previous);
}
