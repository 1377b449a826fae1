using System.Text;

namespace UvShim.Processes;

/// <summary>How a child ended (its exit code, or the signal that killed it) and what it printed where captured.</summary>
internal sealed record ChildResult(int? ExitCode, int? Signal, byte[] Output, byte[] Error)
{
    /// <summary>The exit code, or 128 + the signal, as a shell reports it.</summary>
    public int ShellCode => ExitCode ?? 128 + (Signal ?? 0);

    /// <summary>The captured stdout as text.</summary>
    public string OutputText => Encoding.UTF8.GetString(Output);

    /// <summary>The captured (end of) stderr as text.</summary>
    public string ErrorText => Encoding.UTF8.GetString(Error);
}

/// <summary>Why a child gave no <see cref="ChildResult"/>.</summary>
internal enum ChildFailure
{
    NotStarted,
    TimedOut,
    TooMuchOutput,
}

/// <summary>
/// A child that could not start, or was stopped at a limit. Its message is one line for the user
/// (<c>cannot run uv: No such file or directory</c>); where nobody more specific catches it, Program.cs prints it and exits 2.
/// </summary>
internal sealed class ChildFailedException(string program, ChildFailure failure, string detail)
    : Exception(failure switch
    {
        ChildFailure.TimedOut => $"{program} did not finish within its time limit and was stopped",
        ChildFailure.TooMuchOutput => $"{program} printed more than uvshim reads and was stopped",
        _ => $"cannot run {program}: {detail}",
    })
{
    public ChildFailure Failure { get; } = failure;

    /// <summary>Why it did not start (the system's words), or empty.</summary>
    public string Detail { get; } = detail;
}
