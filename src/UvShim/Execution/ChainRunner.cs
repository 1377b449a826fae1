using UvShim.Native;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Processes;

namespace UvShim.Execution;

/// <summary>
/// Runs a <see cref="Plan.Chain"/>: its uv children one after another, stopping at the first that fails (its exit code
/// is uvshim's; a child killed by a signal kills uvshim with it), with the private files they share removed in every
/// case (a uv that cannot start ends uvshim with <see cref="ChildFailedException"/>'s one line); the retry of a failed last run; the scripts check; then the hand-over.
/// </summary>
internal static class ChainRunner
{
    public static int Run(Plan.Chain chain, UvInvoker invoker)
    {
        if (chain.Unwatched is { } plain && !OperatingSystem.IsWindows() && PosixSpawn.ChildSignalIgnored())
        {
            ShimLog.Debug("SIGCHLD is ignored: handing over without watching uv");
            return invoker.Exec(plain);
        }

        var code = RunChildren(chain, invoker);
        if (code is null)
            return invoker.Exec(chain.Unwatched!);
        return code != 0 || chain.Then is null ? code.Value : invoker.Exec(chain.Then);
    }

    /// <summary>The exit code of the runs; null when they could not start and the chain has an unwatched hand-over.</summary>
    private static int? RunChildren(Plan.Chain chain, UvInvoker invoker)
    {
        var scripts = chain.Scripts is { } check ? InstalledScripts.Snapshot(check) : null;
        using var signals = new ChildSignals();
        invoker.Signals = signals;
        var exit = UsesPrivateFiles(chain)
            ? WithScratchDirectory(chain, directory => RunAll(chain, invoker, directory))
            : RunAll(chain, invoker, null);
        invoker.Signals = null;
        signals.ReRaise();
        if (exit is not { } ended)
            return null;
        if (scripts is not null && ended.Signal is null)
        {
            foreach (var warning in scripts.Warnings())
                StdErr.Line(warning);
        }
        return ended.ShellCode;
    }

    private static ChildResult RunAll(Plan.Chain chain, UvInvoker invoker, string? directory)
    {
        if (directory is not null && chain.Constraints.Count > 0)
            File.WriteAllText(Path.Combine(directory, "constraints.txt"), string.Join('\n', chain.Constraints) + "\n");

        var exit = new ChildResult(0, null, [], []);
        foreach (var run in chain.Runs)
        {
            exit = Start(run, invoker, directory);
            if (exit.ExitCode != 0)
                break;
        }
        if (exit.ExitCode == 1 && chain.Retry is { } retry && Start(retry.Check, invoker, directory).ExitCode == 0)
        {
            if (retry.Note is not null)
                StdErr.Line(retry.Note);
            exit = Start(retry.Run, invoker, directory);
        }
        return exit;
    }

    private static ChildResult Start(ChildRun run, UvInvoker invoker, string? directory)
    {
        var slots = run.Arguments.Select(a => a.Text switch
        {
            ChildRun.RequirementsFile => a with { Text = Path.Combine(directory!, "requirements.txt") },
            ChildRun.ConstraintsFile => a with { Text = Path.Combine(directory!, "constraints.txt") },
            _ => a,
        }).ToList();
        return invoker.Run(slots, run.Output, run.Error);
    }

    private static bool UsesPrivateFiles(Plan.Chain chain) =>
        chain.Runs.Concat(chain.Retry is { } retry ? [retry.Check, retry.Run] : [])
            .SelectMany(r => r.Arguments)
            .Any(a => a.Text is ChildRun.RequirementsFile or ChildRun.ConstraintsFile);

    // A directory of our own (0700) holds the files: nobody else can read or swap them.
    private static ChildResult? WithScratchDirectory(Plan.Chain chain, Func<string, ChildResult> body)
    {
        DirectoryInfo directory;
        try
        {
            directory = Directory.CreateTempSubdirectory("uvshim-");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Pins are a refinement: without a place for their file, the plain hand-over.
            if (chain.Unwatched is not null)
                return null;
            StdErr.Line($"cannot create a private temporary directory in {Path.GetTempPath()} for the exported lock "
                + $"({e.Message}); set TMPDIR to a directory you can write");
            return new ChildResult(2, null, [], []);
        }
        try
        {
            return body(directory.FullName);
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
