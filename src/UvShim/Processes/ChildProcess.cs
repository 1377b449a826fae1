namespace UvShim.Processes;

/// <summary>
/// Starts every child uvshim runs (the interpreter probe, <c>uv python find</c>, <c>uv --version</c>, uv's runs of a
/// multi-step command, and on Windows the hand-over itself) and waits for it: posix_spawn on Unix
/// (<see cref="PosixChild"/>), CliWrap on Windows (<see cref="CliWrapChild"/>, <see cref="ConsoleChild"/> where a stream is
/// the console). Only the hand-over on Unix is not a child: <see cref="Native.UnixExec"/>.
/// </summary>
internal static class ChildProcess
{
    /// <exception cref="ChildFailedException">It did not start, or was stopped at a limit.</exception>
    public static ChildResult Run(ChildRequest request)
    {
        if (OperatingSystem.IsWindows())
            return request.Output == ChildStream.Inherit || request.Error == ChildStream.Inherit ? ConsoleChild.Run(request) : CliWrapChild.Run(request);
        // posix_spawn can start a child elsewhere only where the C library has addchdir (glibc 2.29 and later).
        if (request.WorkingDirectory is not null && !Native.PosixSpawn.CanChangeDirectory)
            return CliWrapChild.Run(request);
        return PosixChild.Run(request);
    }
}
