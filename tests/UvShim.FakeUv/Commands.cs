using UvShim.FakeUv.Project;

namespace UvShim.FakeUv;

/// <summary>
/// What the fake does with a command line uv accepts (<c>--version</c> and <c>--help</c> are answered by the parser):
/// the offline <c>pip</c> commands (install, sync, uninstall, list/ls, freeze, show) and the project commands
/// <c>export</c>, <c>sync</c>, <c>run</c>, <c>add</c> and <c>remove</c>. Like uv, it first changes to <c>--directory</c>
/// (<c>UV_WORKING_DIR</c>, legacy <c>UV_WORKING_DIRECTORY</c>) and reads uv's configuration files for the pip commands.
/// Anything else exits 0.
/// </summary>
internal static class Commands
{
    public static int Dispatch(UvCommandLine line, string[] args)
    {
        try
        {
            var directory = line.Value("directory")
                ?? NonEmpty(Environment.GetEnvironmentVariable("UV_WORKING_DIR"))
                ?? NonEmpty(Environment.GetEnvironmentVariable("UV_WORKING_DIRECTORY"));
            if (directory is not null)
            {
                if (!Directory.Exists(directory))
                {
                    throw new UvError($"No such file or directory (os error 2)");
                }
                Directory.SetCurrentDirectory(directory);
            }
            return (line.Command, line.PipCommand) switch
            {
                ("pip", "install") => PipInstallCommand.Run(line, UvConfig.Load(line), sync: false),
                ("pip", "sync") => PipInstallCommand.Run(line, UvConfig.Load(line), sync: true),
                ("pip", "uninstall") => PipUninstallCommand.Run(line, UvConfig.Load(line)),
                ("pip", "list" or "ls") => PipListCommand.Run(line, UvConfig.Load(line)),
                ("pip", "freeze") => PipFreezeCommand.Run(line, UvConfig.Load(line)),
                ("pip", "show") => PipShowCommand.Run(line, UvConfig.Load(line)),
                ("export", _) => ExportCommand.Run(line, args),
                ("sync", _) => SyncCommand.Run(line),
                ("run", _) => RunCommand.Run(line),
                ("add", _) => AddCommand.Run(line),
                ("remove", _) => RemoveCommand.Run(line),
                _ => 0,
            };
        }
        catch (UvError e)
        {
            e.Print(Console.Error);
            return UvError.ExitCode;
        }
        catch (UvFailure e)
        {
            e.Print(Console.Error);
            return UvFailure.ExitCode;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
