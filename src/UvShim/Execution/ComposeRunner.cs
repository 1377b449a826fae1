using UvShim.Merging;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Processes;

namespace UvShim.Execution;

/// <summary>
/// Runs a <see cref="Plan.Compose"/>: its uv runs as its <see cref="Combination"/> says, with SIGINT and SIGTERM passed
/// on to them and uvshim dying of the signal that killed one (<see cref="ChildSignals"/>).
/// </summary>
internal static class ComposeRunner
{
    public static int Run(Plan.Compose compose, UvInvoker invoker)
    {
        var runs = compose.Runs;
        if (compose.How is Combination.Answer answer)
        {
            StdOut.Write(answer.Output);
            StdErr.Write(answer.Error);
            return answer.ExitCode;
        }

        using var signals = new ChildSignals();
        invoker.Signals = signals;
        var code = compose.How switch
        {
            Combination.MergedList list => SystemThenUser(invoker, runs, list.Silent, (system, user) => MergedList.Print(system, user, list)),
            Combination.MergedFreeze freeze => SystemThenUser(invoker, runs, freeze.Silent, (system, user) => MergedFreeze.Print(system, user, freeze)),
            Combination.MergedShow => MergedShow.Print(invoker.Capture(runs[0]), invoker.Capture(runs[1])),
            Combination.UserPartThenRest => UserPartThenRest(invoker, runs),
            _ => throw new InvalidOperationException("unknown combination " + compose.How),
        };
        invoker.Signals = null;
        signals.ReRaise();
        return code;
    }

    /// <summary>
    /// The system view, then the user view, both captured; the first that fails is passed on as uv reported it,
    /// otherwise their stderr is forwarded and <paramref name="print"/> prints the result. When <paramref name="silent"/>
    /// (<c>-qq</c>), nothing is printed: only the exit code tells.
    /// </summary>
    private static int SystemThenUser(UvInvoker invoker, IReadOnlyList<IReadOnlyList<Arguments.ArgumentSlot>> runs, bool silent,
        Func<ChildResult, ChildResult, int> print)
    {
        var systemRun = invoker.Capture(runs[0]);
        if (systemRun.ShellCode != 0)
            return CapturedRuns.PassOnFailure(systemRun, silent);
        var userRun = invoker.Capture(runs[1]);
        if (userRun.ShellCode != 0)
            return CapturedRuns.PassOnFailure(userRun, silent);
        if (silent)
            return 0;
        CapturedRuns.ForwardErrors(systemRun, userRun);
        return print(systemRun, userRun);
    }

    /// <summary>The user-site part on the terminal; then the rest handed over, or, after a failure, run and the first exit code kept.</summary>
    private static int UserPartThenRest(UvInvoker invoker, IReadOnlyList<IReadOnlyList<Arguments.ArgumentSlot>> runs)
    {
        var first = invoker.Run(runs[0]);
        if (first.ShellCode == 0)
            return invoker.Exec(runs[1]);
        invoker.Run(runs[1]);
        return first.ShellCode;
    }
}
