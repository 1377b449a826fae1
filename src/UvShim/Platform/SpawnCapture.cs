using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using UvShim.HandOver;

namespace UvShim.Platform;

/// <summary>
/// Runs a short child with posix_spawn, stdin from /dev/null and stdout/stderr read through pipes
/// with poll(2) on the calling thread, and reaps it with waitpid. The interpreter probe runs here on
/// Unix: .NET's Process (and CliWrap over it) costs about 3 ms more per run on a 2-core machine
/// (signal-handling, timer and I/O threads), which is most of a cold run's budget.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static unsafe partial class SpawnCapture
{
    private const int EINTR = 4;
    private const int O_RDONLY = 0;
    private const short POLLIN = 0x1;
    private const int WNOHANG = 1;
    private const int SIGKILL = 9;
    private const int SIGCHLD_LINUX = 17;
    private const int SIGCHLD_BSD = 20;
    private const nint SIG_IGN = 1;
    private const short POSIX_SPAWN_SETSIGDEF = 0x04;
    private const short POSIX_SPAWN_SETSIGMASK = 0x08;

    // Opaque C types, larger than on any supported libc (glibc: 80 and 336 bytes, sigset_t 128; macOS: a pointer, 4 bytes).
    private const int FileActionsSize = 512;
    private const int AttributesSize = 1024;
    private const int SignalSetSize = 256;

    public static CapturedRun Run(string executable, IReadOnlyList<string> arguments, CaptureLimits limits)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        using var arena = new NativeArena();
        var descriptors = new List<int>();
        var restoreChildSignal = DefaultChildSignal();
        try
        {
            var (outRead, outWrite) = Pipe(descriptors);
            var (errRead, errWrite) = Pipe(descriptors);
            var pid = Spawn(executable, arguments, [outRead, outWrite, errRead, errWrite], outWrite, errWrite, arena);
            // Only the child may hold the write ends, or the reads below never see the end.
            Close(descriptors, outWrite);
            Close(descriptors, errWrite);

            var output = new MemoryStream();
            var errors = new ErrorTail(limits.KeptErrorBytes);
            var failure = Drain(outRead, errRead, output, errors, limits.MaxOutputBytes, deadline);
            Close(descriptors, outRead);
            Close(descriptors, errRead);
            var status = failure is null ? Reap(pid, deadline) : null;
            if (status is null)
            {
                Libc.kill(pid, SIGKILL);
                Wait(pid, 0);
                throw new CaptureFailedException(failure ?? CaptureFailure.TimedOut);
            }

            var (code, signal) = Decode(status.Value);
            return new CapturedRun(output.ToArray(), errors.Text, code, signal);
        }
        finally
        {
            foreach (var fd in descriptors)
                close(fd);
            restoreChildSignal?.Invoke();
        }
    }

    private static int Spawn(string executable, IReadOnlyList<string> arguments, int[] pipes, int outWrite, int errWrite, NativeArena arena)
    {
        var actions = arena.Zeroed(FileActionsSize);
        var attributes = arena.Zeroed(AttributesSize);
        var signals = arena.Zeroed(SignalSetSize);
        posix_spawn_file_actions_init(actions);
        posix_spawnattr_init(attributes);
        try
        {
            posix_spawn_file_actions_addopen(actions, 0, arena.String("/dev/null"), O_RDONLY, 0);
            posix_spawn_file_actions_adddup2(actions, outWrite, 1);
            posix_spawn_file_actions_adddup2(actions, errWrite, 2);
            foreach (var fd in pipes)
                posix_spawn_file_actions_addclose(actions, fd);

            // .NET ignores SIGPIPE, and an ignored signal survives exec: the child gets the default, and no blocked signals.
            sigemptyset(signals);
            posix_spawnattr_setsigmask(attributes, signals);
            sigaddset(signals, Libc.SIGPIPE);
            posix_spawnattr_setsigdefault(attributes, signals);
            posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

            var argv = arena.Strings([Encoding.UTF8.GetBytes(executable), .. arguments.Select(Encoding.UTF8.GetBytes)]);
            // The environment uvshim was started with, as the C library holds it.
            var envp = NativeEnvironment.Block is var block && block != null ? block : arena.Strings([]);
            int pid;
            var error = posix_spawn(&pid, argv[0], actions, attributes, argv, envp);
            if (error != 0)
                throw new CaptureFailedException(CaptureFailure.NotStarted, Marshal.GetPInvokeErrorMessage(error));
            return pid;
        }
        finally
        {
            posix_spawnattr_destroy(attributes);
            posix_spawn_file_actions_destroy(actions);
        }
    }

    /// <summary>Reads both pipes to their end; null, or why it stopped early.</summary>
    private static CaptureFailure? Drain(int outRead, int errRead, MemoryStream output, ErrorTail errors, int maxOutput, long deadline)
    {
        var buffer = stackalloc byte[16 * 1024];
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = outRead, Events = POLLIN };
        fds[1] = new PollFd { Fd = errRead, Events = POLLIN };
        var open = 2;
        while (open > 0)
        {
            var remaining = RemainingMilliseconds(deadline);
            if (remaining == 0)
                return CaptureFailure.TimedOut;
            var ready = poll(fds, 2, remaining);
            if (ready < 0 && Marshal.GetLastPInvokeError() == EINTR)
                continue;
            if (ready < 0)
                throw new IOException("poll: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));

            for (var i = 0; i < 2; i++)
            {
                if (fds[i].Fd < 0 || fds[i].Revents == 0)
                    continue;
                var read = Read(fds[i].Fd, buffer, 16 * 1024);
                if (read <= 0)
                {
                    fds[i].Fd = -1; // poll ignores negative descriptors
                    open--;
                    continue;
                }
                var bytes = new ReadOnlySpan<byte>(buffer, read);
                if (i == 1)
                {
                    errors.Append(bytes);
                }
                else
                {
                    if (output.Length + read > maxOutput)
                        return CaptureFailure.TooMuchOutput;
                    output.Write(bytes);
                }
            }
        }
        return null;
    }

    /// <summary>The wait status once the child has ended, or null when the deadline passes first.</summary>
    private static int? Reap(int pid, long deadline)
    {
        // The pipes are closed, so the child is exiting; a child that closed them and lives on is polled until the deadline.
        var pause = 50;
        while (true)
        {
            if (Wait(pid, WNOHANG) is { } status)
                return status;
            if (RemainingMilliseconds(deadline) == 0)
                return null;
            usleep((uint)pause);
            pause = Math.Min(pause * 2, 10_000);
        }
    }

    private static int? Wait(int pid, int options)
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
    private static (int? Code, int? Signal) Decode(int status) =>
        (status & 0x7f) == 0 ? ((status >> 8) & 0xff, null) : (null, status & 0x7f);

    /// <summary>
    /// With SIGCHLD ignored (inherited from some container inits) children are reaped by the kernel and waitpid
    /// has no status to give; for the probe it is the default, and ignored again afterwards for uv to inherit.
    /// </summary>
    private static Action? DefaultChildSignal()
    {
        var number = OperatingSystem.IsLinux() ? SIGCHLD_LINUX : SIGCHLD_BSD;
        // The handler is the first field of struct sigaction on glibc and macOS; the rest is not needed.
        var action = stackalloc byte[512];
        if (sigaction(number, null, action) != 0 || *(nint*)action != SIG_IGN)
            return null;
        Libc.signal(number, 0);
        return () => Libc.signal(number, SIG_IGN);
    }

    private static int RemainingMilliseconds(long deadline)
    {
        var left = deadline - Stopwatch.GetTimestamp();
        return left <= 0 ? 0 : (int)Math.Max(1, Math.Min(int.MaxValue, left * 1000 / Stopwatch.Frequency));
    }

    private static int Read(int fd, byte* buffer, int count)
    {
        while (true)
        {
            var read = (int)read_(fd, buffer, (nuint)count);
            if (read >= 0 || Marshal.GetLastPInvokeError() != EINTR)
                return read;
        }
    }

    /// <summary>A pipe whose ends are not 0, 1 or 2 (uvshim may have been started with stdio closed).</summary>
    private static (int Read, int Write) Pipe(List<int> descriptors)
    {
        var fds = stackalloc int[2];
        if (pipe(fds) != 0)
            throw new IOException("pipe: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        var read = AboveStdio(fds[0]);
        descriptors.Add(read);
        var write = AboveStdio(fds[1]);
        descriptors.Add(write);
        return (read, write);
    }

    private static int AboveStdio(int fd)
    {
        var low = new List<int>();
        while (fd is >= 0 and < 3)
        {
            low.Add(fd); // kept open while duplicating, so that each dup lands higher
            fd = dup(fd);
        }
        var error = Marshal.GetLastPInvokeError();
        foreach (var copy in low)
            close(copy);
        return fd >= 0 ? fd : throw new IOException("dup: " + Marshal.GetPInvokeErrorMessage(error));
    }

    private static void Close(List<int> descriptors, int fd)
    {
        close(fd);
        descriptors.Remove(fd);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    static SpawnCapture() => _ = Libc.Handle; // installs the "libc" resolver

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
    private static partial int pipe(int* fds);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint read_(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc")]
    private static partial int usleep(uint microseconds);

    [LibraryImport("libc")]
    private static partial int sigaction(int signal, void* action, void* previous);
}
