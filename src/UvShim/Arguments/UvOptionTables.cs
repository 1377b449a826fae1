namespace UvShim.Arguments;

/// <summary>The option table of each parse context: the command's own options plus every global propagated to it.</summary>
internal static class UvOptionTables
{
    public static readonly OptionTable TopLevel = OptionTable.Of(GlobalOptions.All, GlobalOptions.TopLevelOnly);

    public static readonly OptionTable PipNamespace = OptionTable.Of(GlobalOptions.All, GlobalOptions.PipNamespace);

    public static readonly OptionTable PipInstall = Pip(PipCommandOptions.Install);

    public static readonly OptionTable PipSync = Pip(PipCommandOptions.Sync);

    public static readonly OptionTable PipUninstall = Pip(PipCommandOptions.Uninstall);

    public static readonly OptionTable PipList = Pip(PipCommandOptions.List);

    public static readonly OptionTable PipFreeze = Pip(PipCommandOptions.Freeze);

    public static readonly OptionTable PipShow = Pip(PipCommandOptions.Show);

    public static readonly OptionTable Sync = OptionTable.Of(GlobalOptions.All, ProjectCommandOptions.Sync);

    public static readonly OptionTable Export = OptionTable.Of(GlobalOptions.All, ProjectCommandOptions.Export);

    // Command options first: where a pip subcommand redeclares a global (pip sync's --no-config), clap keeps the local one.
    private static OptionTable Pip(IReadOnlyList<OptionSpec> command) =>
        OptionTable.Of(command, GlobalOptions.All, GlobalOptions.PipNamespace);
}
