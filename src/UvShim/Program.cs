using UvShim;
using UvShim.Commands;
using UvShim.Output;

try
{
    return args is ["shim", ..] ? ShimCommand.Run(args[1..]) : ShimRunner.Run(args);
}
catch (Exception e)
{
    // Never a stack trace for the user; one line, and uv's error exit code.
    StdErr.Line($"internal error: {e.GetType().Name}: {e.Message}. Please report this; UVSHIM_LOG_LEVEL=debug shows more.");
    ShimLog.Debug("{Exception}", e.ToString());
    ShimLog.Flush();
    return 2;
}
