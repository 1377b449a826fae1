using UvShim.Output;
using UvShim.Planning;

namespace UvShim.HandOver;

/// <summary>
/// Runs a <see cref="Plan.Chain"/>: its uv children one after another, stopping at the first that fails (its exit code
/// is uvshim's), with the private requirements file they share removed in every case; then the hand-over.
/// </summary>
internal static class ChainRunner
{
    public static int Run(Plan.Chain chain, UvInvoker invoker)
    {
        var code = RunChildren(chain, invoker);
        return code != 0 || chain.Then is null ? code : invoker.Exec(chain.Then);
    }

    private static int RunChildren(Plan.Chain chain, UvInvoker invoker)
    {
        using var signals = new ChildSignals();
        invoker.Signals = signals;
        var code = WithScratchDirectory(file =>
        {
            foreach (var run in chain.Runs)
            {
                var arguments = run.Arguments.Select(a => a == ChildRun.RequirementsFile ? file : a).ToList();
                var exit = invoker.Run(arguments, quietStdout: run.QuietStdout);
                if (exit != 0)
                    return exit;
            }
            return 0;
        });
        invoker.Signals = null;
        signals.ReRaise();
        return code;
    }

    // A directory of our own (0700) holds the file: nobody else can read or swap it.
    private static int WithScratchDirectory(Func<string, int> body)
    {
        DirectoryInfo directory;
        try
        {
            directory = Directory.CreateTempSubdirectory("uvshim-sync-");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StdErr.Line($"cannot create a private temporary directory in {Path.GetTempPath()} for the exported lock "
                + $"({e.Message}); set TMPDIR to a directory you can write");
            return 2;
        }
        try
        {
            return body(Path.Combine(directory.FullName, "requirements.txt"));
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
