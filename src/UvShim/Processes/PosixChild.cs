using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using UvShim.Native;
using static UvShim.Native.Descriptors;

namespace UvShim.Processes;

/// <summary>
/// A child on Unix: posix_spawn (the argument and environment bytes as given, SIGPIPE at its default and no blocked
/// signals, as an exec'd program has them; uvshim's process group, so the terminal and job control are the same), its
/// captured streams read through pipes with poll(2) on the calling thread, reaped with waitpid. .NET's Process (and
/// CliWrap over it) costs about 3 ms more per run on a 2-core machine (signal-handling, timer and I/O threads), which
/// is most of a cold probe's budget.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static unsafe class PosixChild
{
    private const int WNOHANG = 1;
    private const int SIGKILL = 9;

    public static ChildResult Run(ChildRequest request)
    {
        var deadline = request.Timeout is { } timeout ? Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        using var arena = new NativeArena();
        var descriptors = new List<int>();
        // With SIGCHLD ignored, waitpid has no status to give: the default while the child runs, ignored again after.
        var restoreChildSignal = PosixSpawn.DefaultChildSignal();
        try
        {
            var actions = new List<SpawnAction>();
            if (!request.InheritInput)
                actions.Add(SpawnAction.Open(0, "/dev/null"));
            var outRead = Redirect(request.Output, 1, actions, descriptors);
            var errRead = Redirect(request.Error, 2, actions, descriptors);
            actions.AddRange(descriptors.Select(SpawnAction.Close));
            if (request.WorkingDirectory is { } directory)
                actions.Add(SpawnAction.ChangeDirectory(directory));

            var pid = PosixSpawn.Start(arena, [Encoding.UTF8.GetBytes(request.Program), .. request.Arguments], Environment(request, arena), actions, out var error);
            // Only the child may hold the write ends, or the reads below never see the end.
            foreach (var fd in descriptors.Where(fd => fd != outRead && fd != errRead).ToList())
                Close(descriptors, fd);
            if (pid == 0)
                throw new ChildFailedException(request.Program, ChildFailure.NotStarted, $"{Marshal.GetPInvokeErrorMessage(error)} (errno {error})");
            request.Signals?.Track(pid);

            var output = new MemoryStream();
            var errors = new ErrorTail(request.KeptErrorBytes);
            var failure = Drain(outRead, errRead, output, errors, request.MaxOutputBytes, deadline);
            foreach (var fd in descriptors.ToList())
                Close(descriptors, fd);
            var status = failure is null ? Reap(pid, deadline) : null;
            if (status is null)
            {
                Libc.kill(pid, SIGKILL);
                PosixSpawn.Wait(pid, 0);
                request.Signals?.Untrack(pid, null);
                throw new ChildFailedException(request.Program, failure ?? ChildFailure.TimedOut, "");
            }

            var (code, signal) = PosixSpawn.Decode(status.Value);
            request.Signals?.Untrack(pid, signal);
            return new ChildResult(code, signal, output.ToArray(), errors.Bytes);
        }
        finally
        {
            foreach (var fd in descriptors)
                close(fd);
            restoreChildSignal?.Invoke();
        }
    }

    /// <summary>The spawn action for descriptor <paramref name="fd"/>; for a captured stream, the read end of its pipe (else -1).</summary>
    private static int Redirect(ChildStream stream, int fd, List<SpawnAction> actions, List<int> descriptors)
    {
        switch (stream)
        {
            case ChildStream.Discard:
                actions.Add(SpawnAction.Open(fd, "/dev/null"));
                return -1;
            case ChildStream.Capture:
                var (read, write) = Pipe(descriptors);
                actions.Add(SpawnAction.Dup2(write, fd));
                return read;
            default:
                return -1;
        }
    }

    /// <summary>The environment uvshim was started with, as the C library holds it (byte for byte), with the request's changes.</summary>
    private static byte** Environment(ChildRequest request, NativeArena arena)
    {
        if (request.Environment.Count == 0 && NativeEnvironment.Block is var block && block != null)
            return block;
        var environment = NativeEnvironment.Read();
        foreach (var (name, value) in request.Environment)
        {
            var prefix = Encoding.UTF8.GetBytes(name + "=");
            environment.RemoveAll(entry => entry.AsSpan().StartsWith(prefix));
            if (value is not null)
                environment.Add(Encoding.UTF8.GetBytes(name + "=" + value));
        }
        return arena.Strings(environment);
    }

    /// <summary>Reads the captured pipes to their end; null, or why it stopped early.</summary>
    private static ChildFailure? Drain(int outRead, int errRead, MemoryStream output, ErrorTail errors, int maxOutput, long deadline)
    {
        var buffer = stackalloc byte[16 * 1024];
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = outRead, Events = POLLIN };
        fds[1] = new PollFd { Fd = errRead, Events = POLLIN };
        var open = (outRead >= 0 ? 1 : 0) + (errRead >= 0 ? 1 : 0);
        while (open > 0)
        {
            var remaining = RemainingMilliseconds(deadline);
            if (remaining == 0)
                return ChildFailure.TimedOut;
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
                        return ChildFailure.TooMuchOutput;
                    output.Write(bytes);
                }
            }
        }
        return null;
    }

    /// <summary>The wait status once the child has ended, or null when the deadline passes first.</summary>
    private static int? Reap(int pid, long deadline)
    {
        if (deadline == long.MaxValue)
            return PosixSpawn.Wait(pid, 0);
        // A captured child has closed its pipes, so it is exiting; one that closed them and lives on is polled until the deadline.
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

    /// <summary>Milliseconds to the deadline for poll: at least 1 before it, 0 after it, -1 (forever) without one.</summary>
    private static int RemainingMilliseconds(long deadline)
    {
        if (deadline == long.MaxValue)
            return -1;
        var left = deadline - Stopwatch.GetTimestamp();
        return left <= 0 ? 0 : (int)Math.Max(1, Math.Min(int.MaxValue, left * 1000 / Stopwatch.Frequency));
    }

    private static int Read(int fd, byte* buffer, int count)
    {
        while (true)
        {
            var got = (int)read(fd, buffer, (nuint)count);
            if (got >= 0 || Marshal.GetLastPInvokeError() != EINTR)
                return got;
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
}
