namespace UvShim.Platform;

/// <summary>What a short child process left behind: its output, the end of its stderr, and how it ended.</summary>
internal sealed record CapturedRun(byte[] Output, string ErrorTail, int? ExitCode, int? Signal);

/// <summary>Why a child process gave no <see cref="CapturedRun"/>.</summary>
internal enum CaptureFailure
{
    NotStarted,
    TimedOut,
    TooMuchOutput,
}

internal sealed class CaptureFailedException(CaptureFailure failure, string detail = "") : Exception(detail)
{
    public CaptureFailure Failure { get; } = failure;
}
