using CliWrap;
using CliWrap.Buffered;

namespace UvShim.Python;

/// <summary>Runs <see cref="ProbeScript"/> in an interpreter, once, with a time limit.</summary>
internal sealed class UserSchemeProbe(TimeSpan timeout)
{
    public async Task<InterpreterProbe> RunAsync(string executable) => (await RunRawAsync(executable)).Probe;

    /// <summary>The probe and the output it was read from (what the cache keeps).</summary>
    public async Task<(InterpreterProbe Probe, string Output)> RunRawAsync(string executable)
    {
        using var cts = new CancellationTokenSource(timeout);
        BufferedCommandResult result;
        try
        {
            // -I keeps the user's PYTHONPATH/PYTHONSTARTUP and the cwd out; PYTHONUSERBASE is still honoured.
            result = await Cli.Wrap(executable)
                .WithArguments(["-I", "-c", ProbeScript.Source])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new ProbeFailedException(executable, $"did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ProbeFailedException(executable, "could not be started: " + e.Message);
        }

        if (result.ExitCode != 0)
        {
            var lastLine = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .LastOrDefault() ?? "";
            throw new ProbeFailedException(executable, $"exited with {result.ExitCode}" + (lastLine.Length > 0 ? $": {lastLine}" : ""));
        }

        try
        {
            return (ProbeOutputParser.Parse(result.StandardOutput), result.StandardOutput);
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
