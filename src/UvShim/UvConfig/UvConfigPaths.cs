namespace UvShim.UvConfig;

/// <summary>
/// Where uv looks for the user and system <c>uv.toml</c>: uv 0.12.5, crates/uv-dirs/src/lib.rs
/// (user_config_dir, system_config_file) on etcetera 0.11's base strategy.
/// </summary>
internal static class UvConfigPaths
{
    /// <summary>
    /// Unix and macOS: <c>$XDG_CONFIG_HOME</c> if absolute, else <c>$HOME/.config</c>, then <c>uv/uv.toml</c>.
    /// Windows: <c>%APPDATA%</c> (else the known folder, else <c>%USERPROFILE%\AppData\Roaming</c>), then <c>uv\uv.toml</c>.
    /// Null without a home directory: etcetera gives up then, even when XDG_CONFIG_HOME is set.
    /// </summary>
    public static string? UserFile(IReadOnlyDictionary<string, string> env, UvConfigHost host)
    {
        var home = NonEmpty(env, host.IsWindows ? "USERPROFILE" : "HOME") ?? host.HomeFallback();
        if (home is null)
            return null;

        string configDir;
        if (host.IsWindows)
        {
            configDir = NonEmpty(env, "APPDATA") ?? host.RoamingAppDataFallback() ?? Path.Combine(home, "AppData", "Roaming");
        }
        else
        {
            // The XDG spec says a relative path is to be ignored.
            var xdg = NonEmpty(env, "XDG_CONFIG_HOME");
            configDir = xdg is not null && xdg.StartsWith('/') ? xdg : Path.Combine(home, ".config");
        }
        return Path.Combine(configDir, "uv", "uv.toml");
    }

    /// <summary>
    /// Unix: the first <c>$XDG_CONFIG_DIRS</c> entry (default <c>/etc/xdg</c>; the list ends at the first empty
    /// entry) whose <c>uv/uv.toml</c> is a file, else <c>/etc/uv/uv.toml</c> if it exists at all.
    /// Windows: <c>%SYSTEMDRIVE%\ProgramData\uv\uv.toml</c> if a file (not <c>%PROGRAMDATA%</c>).
    /// </summary>
    public static string? SystemFile(IReadOnlyDictionary<string, string> env, UvConfigHost host)
    {
        if (host.IsWindows)
        {
            if (!env.TryGetValue("SYSTEMDRIVE", out var drive))
                return null;
            // uv appends a backslash to the drive ("C:" → "C:\"); the native separator is the same thing there.
            var candidate = Path.Combine(drive + Path.DirectorySeparatorChar, "ProgramData", "uv", "uv.toml");
            return File.Exists(candidate) ? candidate : null;
        }

        var dirs = NonEmpty(env, "XDG_CONFIG_DIRS") ?? "/etc/xdg";
        foreach (var dir in dirs.Split(':').TakeWhile(dir => dir.Length > 0))
        {
            var candidate = Path.Combine(dir, "uv", "uv.toml");
            if (File.Exists(candidate))
                return candidate;
        }
        return Path.Exists(host.EtcConfigFile) ? host.EtcConfigFile : null;
    }

    private static string? NonEmpty(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
