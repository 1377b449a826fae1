using System.Text;

namespace UvShim.Decision;

/// <summary>
/// README, "The decision", layouts: the note uvshim prints when it installs with <c>--target &lt;user site&gt;</c>.
/// uv puts console scripts in <c>&lt;target&gt;/bin</c> on every OS, Windows included, not in the user
/// scheme's scripts directory; the note names both and says how to reach them, in the words of the
/// platform the interpreter runs on (a shell's <c>PATH</c>, or the Windows user <c>Path</c>). Pure.
/// </summary>
internal static class TargetLayoutNote
{
    public static string For(UserLayout.Target layout, bool windows, bool scriptsOnPath)
    {
        var scripts = layout.ScriptsDirectory;
        var text = $"installing with --target {layout.UserSite}: console scripts go to {scripts}, "
            + $"not to {layout.UserScripts} where pip would put them";
        if (scriptsOnPath)
            return text + $"; {scripts} is on PATH";
        return windows
            ? text + $"; to run them, add {scripts} to your user Path (PowerShell: [Environment]::SetEnvironmentVariable('Path', "
                + $"[Environment]::GetEnvironmentVariable('Path', 'User') + ';{PowerShellSingleQuoted(scripts)}', 'User'), then open a new terminal)"
            : text + $"; to run them, add {scripts} to PATH (export PATH=\"{ShellDoubleQuoted(scripts)}:$PATH\" in your shell's profile)";
    }

    /// <summary>The text inside a POSIX shell double-quoted string: <c>\</c>, <c>"</c>, <c>$</c> and <c>`</c> escaped.</summary>
    private static string ShellDoubleQuoted(string text)
    {
        var quoted = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '"' or '$' or '`')
                quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.ToString();
    }

    /// <summary>The text inside a PowerShell single-quoted string: <c>'</c> doubled.</summary>
    private static string PowerShellSingleQuoted(string text) => text.Replace("'", "''");
}
