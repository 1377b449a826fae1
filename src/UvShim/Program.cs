using UvShim;
using UvShim.Commands;
using UvShim.Output;
using UvShim.Processes;

try
{
    return args is ["shim", ..] ? ShimCommand.Run(args[1..]) : ShimRunner.Run(args);
}
catch (ChildFailedException e)
{
    // A program uvshim runs did not start or was stopped: the user's problem to fix, not a defect.
    StdErr.Line(e.Message);
    ShimLog.Flush();
    return 2;
}
catch (Exception e)
{
    // Never a stack trace for the user; one line, and uv's error exit code.
    StdErr.Line($"internal error: {e.GetType().Name}: {e.Message}. Please report this; UVSHIM_LOG_LEVEL=debug shows more.");
    ShimLog.Debug("{Exception}", e.ToString());
    ShimLog.Flush();
    return 2;
}
