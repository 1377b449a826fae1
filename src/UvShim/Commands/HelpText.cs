using System.Text;
using UvShim.Settings;

namespace UvShim.Commands;

/// <summary><c>uvshim shim help</c>: the commands, and the settings from <see cref="SettingDefinitions"/>.</summary>
internal static class HelpText
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append($"uvshim {ShimVersion.Text}: pip's user-install fallback for uv.\n\n");
        text.Append("Usage: uvshim <uv arguments>      run uv, installing into the user site where pip would\n");
        text.Append("       uvshim shim explain <uv arguments>   show the decision and the exact command; run nothing\n");
        text.Append("       uvshim shim doctor [--python X] [--json]\n");
        text.Append("                                     show the real uv, each interpreter uv could target and why, the user\n");
        text.Append("                                     site, writability, PEP 668, scripts on PATH, settings, uv's config, cache;\n");
        text.Append("                                     exit 0 if uv and an interpreter are there, 1 if something stops uvshim.\n");
        text.Append("                                     Colour only on a terminal, never with NO_COLOR; FORCE_COLOR forces it.\n");
        text.Append("       uvshim shim version\n");
        text.Append("       uvshim shim help\n\n");
        text.Append("Settings (environment variable, configuration key, default):\n");
        foreach (var setting in SettingDefinitions.All)
        {
            var shownDefault = setting.Default.Length == 0 ? "(none)" : setting.Default;
            text.Append($"  {setting.EnvironmentVariable,-22} {setting.Key,-22} {shownDefault}\n");
            text.Append($"      {setting.Meaning}\n");
        }
        text.Append("\nConfiguration files, later ones winning: /etc/uvshim/config.json, $XDG_CONFIG_HOME/uvshim/config.json\n");
        text.Append("(default ~/.config/uvshim/config.json); environment variables win over both.\n");
        return text.ToString();
    }
}
