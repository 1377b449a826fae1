using UvShim.Output;
using UvShim.Processes;

namespace UvShim.Merging;

/// <summary>Passing on what captured uv runs said.</summary>
internal static class CapturedRuns
{
    /// <summary>uv's stderr, as it came (warnings, "Using Python … environment at" lines).</summary>
    public static void ForwardErrors(params ChildResult[] runs)
    {
        foreach (var run in runs)
        {
            if (run.Error.Length > 0)
                StdErr.Write(run.ErrorText);
        }
    }

    /// <summary>A failed run is reported as uv reported it: its output and its exit code.</summary>
    public static int PassOnFailure(ChildResult run, bool silent)
    {
        if (!silent)
        {
            StdOut.Write(run.OutputText);
            StdErr.Write(run.ErrorText);
        }
        return run.ShellCode;
    }
}
