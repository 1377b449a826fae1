namespace UvShim.Arguments;

/// <summary>uv's subcommand names and aliases at the two levels uvshim resolves (<c>uv X</c> and <c>uv pip X</c>).</summary>
internal static class UvCommands
{
    // uv 0.12.5, crates/uv-cli/src/lib.rs Commands (with ProjectCommand flattened in): name or alias -> name.
    private static readonly Dictionary<string, string> TopLevel = new(StringComparer.Ordinal)
    {
        ["auth"] = "auth",
        ["run"] = "run",
        ["init"] = "init",
        ["add"] = "add",
        ["remove"] = "remove",
        ["version"] = "version",
        ["sync"] = "sync",
        ["lock"] = "lock",
        ["upgrade"] = "upgrade",
        ["export"] = "export",
        ["tree"] = "tree",
        ["format"] = "format",
        ["check"] = "check",
        ["audit"] = "audit",
        ["tool"] = "tool",
        ["python"] = "python",
        ["pip"] = "pip",
        ["venv"] = "venv",
        ["virtualenv"] = "venv",
        ["v"] = "venv",
        ["build"] = "build",
        ["publish"] = "publish",
        ["workspace"] = "workspace",
        ["build-backend"] = "build-backend",
        ["cache"] = "cache",
        ["self"] = "self",
        ["clean"] = "clean",
        ["generate-shell-completion"] = "generate-shell-completion",

        // clap matches subcommand names before options, so this alias wins over option parsing.
        ["--generate-shell-completion"] = "generate-shell-completion",
        ["help"] = "help",
    };

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipCommand: name or alias -> name.
    private static readonly Dictionary<string, string> Pip = new(StringComparer.Ordinal)
    {
        ["compile"] = "compile",
        ["sync"] = "sync",
        ["install"] = "install",
        ["uninstall"] = "uninstall",
        ["freeze"] = "freeze",
        ["list"] = "list",
        ["ls"] = "list",
        ["show"] = "show",
        ["tree"] = "tree",
        ["check"] = "check",
        ["debug"] = "debug",
    };

    public static string? ResolveTopLevel(string token) => TopLevel.GetValueOrDefault(token);

    public static string? ResolvePip(string token) => Pip.GetValueOrDefault(token);

    /// <summary>The table of a top-level command uvshim parses further, or null when it hands it over opaque.</summary>
    public static OptionTable? TopLevelTable(string command) => command switch
    {
        "sync" => UvOptionTables.Sync,
        "export" => UvOptionTables.Export,
        "run" => UvOptionTables.Run,
        "add" => UvOptionTables.Add,
        "remove" => UvOptionTables.Remove,
        _ => null,
    };

    /// <summary>The table of a pip subcommand uvshim parses further, or null when it hands it over opaque.</summary>
    public static OptionTable? PipTable(string subcommand) => subcommand switch
    {
        "install" => UvOptionTables.PipInstall,
        "sync" => UvOptionTables.PipSync,
        "uninstall" => UvOptionTables.PipUninstall,
        "list" => UvOptionTables.PipList,
        "freeze" => UvOptionTables.PipFreeze,
        "show" => UvOptionTables.PipShow,
        _ => null,
    };
}
