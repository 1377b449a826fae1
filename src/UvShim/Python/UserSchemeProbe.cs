using System.Text;
using UvShim.Processes;

namespace UvShim.Python;

/// <summary>Runs <see cref="ProbeScript"/> in an interpreter, once, with a time limit and a limit on what it prints.</summary>
internal sealed class UserSchemeProbe(TimeSpan timeout)
{
    /// <summary>The probe prints a few kilobytes; an "interpreter" printing more than this is not one (nor cacheable).</summary>
    public const int MaxOutputBytes = 1024 * 1024;

    // -I keeps the user's PYTHONPATH/PYTHONSTARTUP and the cwd out; PYTHONUSERBASE is still honoured.
    private static readonly string[] Arguments = ["-I", "-S", "-c", ProbeScript.Source];

    /// <summary>The probe and the output it was read from (what the cache keeps).</summary>
    public (InterpreterProbe Probe, string Output) RunRaw(string executable)
    {
        ChildResult run;
        try
        {
            run = ChildProcess.Run(ChildRequest.Captured(executable, Arguments, timeout, MaxOutputBytes, keptErrorBytes: 64 * 1024));
        }
        catch (ChildFailedException e)
        {
            throw new ProbeFailedException(executable, e.Failure switch
            {
                ChildFailure.TooMuchOutput => $"is not a Python uvshim can use: it printed more than {MaxOutputBytes / 1024} KiB",
                ChildFailure.TimedOut => $"did not answer within {timeout.TotalSeconds:0.#} s",
                _ => "could not be started: " + e.Detail,
            });
        }

        if (run.ExitCode != 0)
        {
            var lastLine = run.ErrorText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .LastOrDefault() ?? "";
            if (lastLine.Length > 300)
                lastLine = "…" + lastLine[^300..];
            var ending = run.Signal is { } signal ? $"was killed by signal {signal}" : $"exited with {run.ExitCode}";
            throw new ProbeFailedException(executable, ending + (lastLine.Length > 0 ? $": {lastLine}" : ""));
        }

        var output = run.OutputText;
        try
        {
            return (ProbeOutputParser.Parse(output), output);
        }
        catch (ProbeFormatException e)
        {
            throw new ProbeFailedException(executable, "is not a Python uvshim can use: " + e.Message);
        }
    }
}

internal sealed class ProbeFailedException(string executable, string reason)
    : Exception($"the interpreter {executable} {reason}")
{
    public string Executable { get; } = executable;
}
