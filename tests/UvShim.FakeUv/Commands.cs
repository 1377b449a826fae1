namespace UvShim.FakeUv;

/// <summary>What the fake does beyond recording: <c>--version</c>, and a few offline <c>pip</c> commands.</summary>
internal static class Commands
{
    public static int Dispatch(string[] args)
    {
        if (args.Length > 0 && args[0] is "--version" or "-V")
        {
            Console.Out.WriteLine(FakeUv.Version);
            return 0;
        }
        try
        {
            var line = UvCommandLine.Parse(args);
            return line.PipCommand switch
            {
                "install" => PipInstallCommand.Run(line),
                "uninstall" => PipUninstallCommand.Run(line),
                "list" or "ls" => PipListCommand.Run(line, freeze: false),
                "freeze" => PipListCommand.Run(line, freeze: true),
                _ => 0,
            };
        }
        catch (UvError e)
        {
            e.Print(Console.Error);
            return UvError.ExitCode;
        }
    }
}
