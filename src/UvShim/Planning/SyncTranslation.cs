using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>
/// How the options of <c>uv sync</c> carry over to <c>uv export</c> + <c>uv pip install -r</c>,
/// the two commands that install a locked project into the user site. An option with no faithful
/// translation is named, and the sync refused.
/// </summary>
internal sealed record SyncTranslation(List<string> Global, List<string> Export, List<string> Install, string? Untranslatable)
{
    // Install-time options: they change how packages are installed, not which.
    private static readonly HashSet<string> InstallOnly =
        [.. UvArgGroups.ReinstallArgs.Concat(UvArgGroups.CompileBytecodeArgs).Select(s => s.Name), "--link-mode", "--dry-run"];

    // Where packages come from and how they are built matter to both commands.
    private static readonly HashSet<string> Both =
        [.. UvArgGroups.IndexArgs.Concat(UvArgGroups.RegistryClientArgs).Concat(UvArgGroups.ConfigSettingArgs)
            .Concat(UvArgGroups.BuildIsolationArgs).Concat(UvArgGroups.BuildOptionsArgs).Select(s => s.Name)];

    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["--exact"] = "it would remove every package in the user site that the project does not lock",
        ["--active"] = "the user site is not an environment uv could activate",
        ["--check"] = "uv cannot check the user site against the lock",
        ["--script"] = "scripts are synced into their own environments",
        ["--output-format"] = "uvshim runs two uv commands, not one",
        ["--python-platform"] = "the user site belongs to this machine's Python",
    };

    public static SyncTranslation From(UvArguments arguments)
    {
        var global = new List<string>();
        var export = new List<string>();
        var install = new List<string>();
        foreach (var option in arguments.Options)
        {
            var tokens = option.Value is null ? new[] { option.Name } : [option.Name, option.Value];
            if (GlobalOptions.IsGlobal(option.Name))
            {
                global.AddRange(tokens);
                continue;
            }
            if (!option.IsKnown)
                return Refuse(option.Spelling, "uvshim does not know it");
            if (Refused.TryGetValue(option.Name, out var why))
                return Refuse(option.Spelling, why);
            if (option.Name == "--inexact")
                continue; // The user site is always synced without removing anything.
            var inExport = UvOptionTables.Export.FindLong(option.Name) is not null;
            if (InstallOnly.Contains(option.Name))
                install.AddRange(tokens);
            else if (Both.Contains(option.Name) && inExport)
            {
                export.AddRange(tokens);
                install.AddRange(tokens);
            }
            else if (inExport)
                export.AddRange(tokens);
            else
                return Refuse(option.Spelling, "it has no counterpart in uv export or uv pip install");
        }
        if (arguments.Positionals.Count > 0)
            return Refuse(arguments.Positionals[0].Value, "uv sync takes no arguments");
        return new SyncTranslation(global, export, install, null);
    }

    private static SyncTranslation Refuse(string option, string why) => new([], [], [], $"{option}: {why}");
}
