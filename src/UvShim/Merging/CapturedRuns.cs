using CliWrap.Buffered;
using UvShim.Output;

namespace UvShim.Merging;

/// <summary>Passing on what captured uv runs said, and which exit code stands for the pair.</summary>
internal static class CapturedRuns
{
    /// <summary>uv's stderr, as it came (warnings, "Using Python … environment at" lines).</summary>
    public static void ForwardErrors(params BufferedCommandResult[] runs)
    {
        foreach (var run in runs)
        {
            if (run.StandardError.Length > 0)
                StdErr.Write(run.StandardError);
        }
    }

    /// <summary>
    /// Runs the system view, then the user view, both captured; the first that fails is passed on as uv reported
    /// it, otherwise their stderr is forwarded and <paramref name="merge"/> prints the result. When
    /// <paramref name="silent"/> (<c>-qq</c>), nothing is printed: only the exit code tells.
    /// </summary>
    public static int SystemThenUser(HandOver.UvInvoker invoker, IReadOnlyList<string> system, IReadOnlyList<string> user, bool silent,
        Func<BufferedCommandResult, BufferedCommandResult, int> merge)
    {
        var systemRun = invoker.Capture(system);
        if (systemRun.ExitCode != 0)
            return PassOnFailure(systemRun, silent);
        var userRun = invoker.Capture(user);
        if (userRun.ExitCode != 0)
            return PassOnFailure(userRun, silent);
        if (silent)
            return 0;
        ForwardErrors(systemRun, userRun);
        return merge(systemRun, userRun);
    }

    /// <summary>A failed run is reported as uv reported it: its output and its exit code.</summary>
    public static int PassOnFailure(BufferedCommandResult run, bool silent)
    {
        if (!silent)
        {
            StdOut.Write(run.StandardOutput);
            StdErr.Write(run.StandardError);
        }
        return run.ExitCode;
    }
}
