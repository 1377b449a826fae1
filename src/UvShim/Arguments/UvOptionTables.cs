namespace UvShim.Arguments;

/// <summary>
/// The option table of each parse context: the command's own options plus every global propagated to it.
/// Built on first use, so a hand-over pays only for the contexts its command line reaches.
/// </summary>
internal static class UvOptionTables
{
    private static OptionTable? _topLevel;

    public static OptionTable TopLevel => _topLevel ??= OptionTable.Of(GlobalOptions.All, GlobalOptions.TopLevelOnly);

    private static OptionTable? _pipNamespace;

    public static OptionTable PipNamespace => _pipNamespace ??= OptionTable.Of(GlobalOptions.All, GlobalOptions.PipNamespace);

    private static OptionTable? _pipInstall;

    public static OptionTable PipInstall => _pipInstall ??= Pip(PipCommandOptions.Install);

    private static OptionTable? _pipSync;

    public static OptionTable PipSync => _pipSync ??= Pip(PipCommandOptions.Sync);

    private static OptionTable? _pipUninstall;

    public static OptionTable PipUninstall => _pipUninstall ??= Pip(PipCommandOptions.Uninstall);

    private static OptionTable? _pipList;

    public static OptionTable PipList => _pipList ??= Pip(PipCommandOptions.List);

    private static OptionTable? _pipFreeze;

    public static OptionTable PipFreeze => _pipFreeze ??= Pip(PipCommandOptions.Freeze);

    private static OptionTable? _pipShow;

    public static OptionTable PipShow => _pipShow ??= Pip(PipCommandOptions.Show);

    private static OptionTable? _sync;

    public static OptionTable Sync => _sync ??= OptionTable.Of(GlobalOptions.All, ProjectCommandOptions.Sync);

    private static OptionTable? _export;

    public static OptionTable Export => _export ??= OptionTable.Of(GlobalOptions.All, ProjectCommandOptions.Export);

    private static OptionTable? _run;

    public static OptionTable Run => _run ??= OptionTable.Of(GlobalOptions.All, ProjectCommandOptions.Run);

    private static OptionTable? _add;

    public static OptionTable Add => _add ??= OptionTable.Of(GlobalOptions.All, ProjectCommandOptions.Add);

    private static OptionTable? _remove;

    public static OptionTable Remove => _remove ??= OptionTable.Of(GlobalOptions.All, ProjectCommandOptions.Remove);

    // Command options first: where a pip subcommand redeclares a global (pip sync's --no-config), clap keeps the local one.
    private static OptionTable Pip(IReadOnlyList<OptionSpec> command) =>
        OptionTable.Of(command, GlobalOptions.All, GlobalOptions.PipNamespace);
}
