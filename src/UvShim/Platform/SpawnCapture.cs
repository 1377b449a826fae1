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
    private const short POLLIN = 0x1;
    private const int WNOHANG = 1;
    private const int SIGKILL = 9;

    public static CapturedRun Run(string executable, IReadOnlyList<string> arguments, CaptureLimits limits)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        using var arena = new NativeArena();
        var descriptors = new List<int>();
        var restoreChildSignal = PosixSpawn.DefaultChildSignal();
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
                PosixSpawn.Wait(pid, 0);
                throw new CaptureFailedException(failure ?? CaptureFailure.TimedOut);
            }

            var (code, signal) = PosixSpawn.Decode(status.Value);
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
        List<SpawnAction> actions = [SpawnAction.Open(0, "/dev/null"), SpawnAction.Dup2(outWrite, 1), SpawnAction.Dup2(errWrite, 2), .. pipes.Select(SpawnAction.Close)];
        // The environment uvshim was started with, as the C library holds it.
        var envp = NativeEnvironment.Block is var block && block != null ? block : arena.Strings([]);
        var pid = PosixSpawn.Start(arena, [Encoding.UTF8.GetBytes(executable), .. arguments.Select(Encoding.UTF8.GetBytes)], envp, actions, out var error);
        if (pid == 0)
            throw new CaptureFailedException(CaptureFailure.NotStarted, Marshal.GetPInvokeErrorMessage(error));
        return pid;
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
            if (PosixSpawn.Wait(pid, WNOHANG) is { } status)
                return status;
            if (RemainingMilliseconds(deadline) == 0)
                return null;
            usleep((uint)pause);
            pause = Math.Min(pause * 2, 10_000);
        }
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

    static SpawnCapture() => Libc.UseResolver();

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

    [LibraryImport("libc")]
    private static partial int usleep(uint microseconds);
}
