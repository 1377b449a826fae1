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

    /// <summary>A failed run is reported as uv reported it: its output and its exit code.</summary>
    public static int PassOnFailure(BufferedCommandResult run)
    {
        StdOut.Write(run.StandardOutput);
        StdErr.Write(run.StandardError);
        return run.ExitCode;
    }
}
