using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>
/// How the options of a project command that syncs (<c>uv sync</c>, <c>run</c>, <c>add</c>, <c>remove</c>) carry over to
/// <c>uv export</c> + <c>uv pip install -r</c>, the two commands that install a locked project into the user site.
/// Each option goes to one or both of them, translated where pip install spells it differently
/// (docs/design.md, "Project commands"), stays with the command itself, or is named and the command refused.
/// </summary>
internal sealed record SyncTranslation(List<string> Export, List<string> Install, List<UvOption> Selection, string? Untranslatable)
{
    // Install-time options: they change how packages are installed, not which.
    private static readonly HashSet<string> InstallOnly =
        [.. UvArgGroups.ReinstallArgs.Concat(UvArgGroups.CompileBytecodeArgs).Select(s => s.Name), "--link-mode", "--dry-run"];

    // Where packages come from and how they are built matter to both commands.
    private static readonly HashSet<string> Both =
        [.. UvArgGroups.IndexArgs.Concat(UvArgGroups.RegistryClientArgs).Concat(UvArgGroups.ConfigSettingArgs)
            .Concat(UvArgGroups.PackageBuildIsolationArgs).Concat(UvArgGroups.RefreshArgs).Select(s => s.Name), "--no-build", "--build"];

    // uv 0.12.5 crates/uv-cli/src/lib.rs: BuildOptionsArgs (project commands) against PipInstallArgs. The project
    // spelling stays with export, which resolves; pip install gets its own spelling of the same request.
    private static readonly Dictionary<string, Func<string?, string[]>> ToPipInstall = new(StringComparer.Ordinal)
    {
        ["--no-binary"] = _ => ["--no-binary", ":all:"],
        ["--binary"] = _ => [],
        ["--no-binary-package"] = package => ["--no-binary", package!],
        ["--no-build-package"] = package => ["--only-binary", package!],
    };

    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["--exact"] = "it would remove every package in the user site that the project does not lock",
        ["--active"] = "the user site is not an environment uv could activate",
        ["--check"] = "uv cannot check the user site against the lock",
        ["--script"] = "scripts are synced into their own environments",
        ["--output-format"] = "uvshim runs two uv commands, not one",
        ["--python-platform"] = "the user site belongs to this machine's Python",
    };

    // Options of the command that decide nothing about the sync: they stay with the command (run, add, remove).
    private static readonly HashSet<string> CommandOwn =
    [
        // run
        "--module", "--env-file", "--no-env-file", "--with", "--with-editable", "--with-requirements", "--gui-script",
        "--show-resolution", "--max-recursion-depth", "--no-sync", "--python", "--no-project",
        // add, remove
        "--requirements", "--constraints", "--marker", "--dev", "--optional", "--group", "--raw", "--bounds", "--rev",
        "--tag", "--branch", "--lfs", "--extra", "--workspace", "--no-workspace",
    ];

    /// <summary>Everything of <c>uv sync</c>'s own command line.</summary>
    public static SyncTranslation ForSync(UvArguments arguments) => From(arguments, ownedByCommand: []);

    /// <summary>
    /// The sync <c>uv run</c> would do: project selection goes to export (<see cref="Selection"/> lists it, so the
    /// final run can drop it); what belongs to running stays with the run.
    /// </summary>
    public static SyncTranslation ForRun(UvArguments arguments) =>
        From(arguments, ownedByCommand: [.. CommandOwn.Where(n => n is not ("--extra" or "--group" or "--dev" or "--python"))]);

    /// <summary>
    /// The sync after <c>uv add</c>/<c>remove</c> (add.rs: default extras and groups, not exact): only the install
    /// options and where packages come from carry over; the <c>--no-install-*</c> family moves to export.
    /// </summary>
    public static SyncTranslation ForEdit(UvArguments arguments) => From(arguments, ownedByCommand: CommandOwn, edit: true);

    private static SyncTranslation From(UvArguments arguments, HashSet<string> ownedByCommand, bool edit = false)
    {
        var export = new List<string>();
        var install = new List<string>();
        var selection = new List<UvOption>();
        foreach (var option in arguments.Options)
        {
            var tokens = option.Value is null ? new[] { option.Name } : [option.Name, option.Value];
            if (GlobalOptions.IsGlobal(option.Name))
                continue; // Carried to both runs by the planner.
            if (!option.IsKnown)
                return Refuse(option.Spelling, "uvshim does not know it");
            if (ownedByCommand.Contains(option.Name))
                continue;
            if (Refused.TryGetValue(option.Name, out var why))
                return Refuse(option.Spelling, why);
            if (option.Name is "--inexact" or "--no-active")
                continue; // The user site is always synced without removing anything, and never activated.
            if (ToPipInstall.TryGetValue(option.Name, out var translate))
            {
                export.AddRange(tokens);
                install.AddRange(translate(option.Value));
                continue;
            }
            var inExport = UvOptionTables.Export.FindLong(option.Name) is not null;
            if (InstallOnly.Contains(option.Name))
                install.AddRange(tokens);
            else if (Both.Contains(option.Name))
            {
                if (inExport)
                    export.AddRange(tokens);
                install.AddRange(tokens);
            }
            else if (edit && !option.Name.StartsWith("--no-install-", StringComparison.Ordinal) && !option.Name.StartsWith("--only-install-", StringComparison.Ordinal))
                continue; // add/remove resolve with it; the sync after them uses the new lock as it is.
            else if (inExport)
            {
                export.AddRange(tokens);
                selection.Add(option);
            }
            else
                return Refuse(option.Spelling, "it has no counterpart in uv export or uv pip install");
        }
        return new SyncTranslation(export, install, selection, null);
    }

    private static SyncTranslation Refuse(string option, string why) => new([], [], [], $"{option}: {why}");
}
