namespace UvShim.PipConfig;

/// <summary>One configuration file pip may read, and which of pip's variants it belongs to.</summary>
internal sealed record PipConfigFile(string Path, string Variant);

/// <summary>
/// Where pip looks for its configuration (configuration.py <c>get_configuration_files</c>, <c>iter_config_files</c>;
/// utils/appdirs.py on the vendored platformdirs), in pip's override order: global, user, site, <c>PIP_CONFIG_FILE</c>.
/// <c>PIP_CONFIG_FILE</c> naming an existing file replaces the user files; naming the null device, every file.
/// </summary>
internal static class PipConfigFiles
{
    public const string Global = "global";
    public const string User = "user";
    public const string Site = "site";
    public const string Env = "env";

    /// <param name="sitePrefix">The interpreter's <c>sys.prefix</c>, whose <c>pip.conf</c> is the site file; null when not known yet.</param>
    public static IReadOnlyList<PipConfigFile> For(IReadOnlyDictionary<string, string> env, string? sitePrefix, Func<string?> home)
    {
        var windows = OperatingSystem.IsWindows();
        var name = windows ? "pip.ini" : "pip.conf";
        var configFile = env.TryGetValue("PIP_CONFIG_FILE", out var named) ? named : null;
        if (configFile == (windows ? "nul" : "/dev/null"))
            return [];

        var files = new List<PipConfigFile>();
        files.AddRange(GlobalDirectories(env, sitePrefix).Select(dir => new PipConfigFile(Path.Combine(dir, name), Global)));
        if (!(configFile is { Length: > 0 } && File.Exists(configFile)) && home() is { } userHome)
        {
            files.Add(new(Path.Combine(userHome, windows ? "pip" : ".pip", name), User));
            files.Add(new(Path.Combine(UserDirectory(env, userHome), name), User));
        }
        if (sitePrefix is not null)
            files.Add(new(Path.Combine(sitePrefix, name), Site));
        if (configFile is { Length: > 0 })
            files.Add(new(configFile, Env));
        return files;
    }

    /// <summary>appdirs.site_config_dirs("pip").</summary>
    private static IEnumerable<string> GlobalDirectories(IReadOnlyDictionary<string, string> env, string? sitePrefix)
    {
        if (OperatingSystem.IsWindows())
        {
            var programData = NonBlank(env, "ProgramData") ?? NonBlank(env, "ALLUSERSPROFILE") ?? @"C:\ProgramData";
            return [Path.Combine(programData, "pip")];
        }
        if (OperatingSystem.IsMacOS())
        {
            // MacOS: $XDG_DATA_DIRS, else Homebrew's share and /Library/Application Support.
            if (Entries(env, "XDG_DATA_DIRS") is { Count: > 0 } dataDirs)
                return dataDirs.Select(dir => Path.Combine(dir, "pip"));
            var homebrew = sitePrefix is not null && sitePrefix.Contains("/opt/python", StringComparison.Ordinal)
                ? [Path.Combine(sitePrefix[..sitePrefix.IndexOf("/opt/python", StringComparison.Ordinal)], "share", "pip")]
                : Array.Empty<string>();
            return [.. homebrew, "/Library/Application Support/pip"];
        }
        // Unix: $XDG_CONFIG_DIRS (default /etc/xdg), then /etc.
        var dirs = Entries(env, "XDG_CONFIG_DIRS") is { Count: > 0 } configDirs ? configDirs : ["/etc/xdg"];
        return [.. dirs.Select(dir => Path.Combine(dir, "pip")), "/etc"];
    }

    /// <summary>appdirs.user_config_dir("pip").</summary>
    private static string UserDirectory(IReadOnlyDictionary<string, string> env, string home)
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(NonBlank(env, "APPDATA") ?? Path.Combine(home, "AppData", "Roaming"), "pip");
        if (OperatingSystem.IsMacOS())
        {
            // ~/Library/Application Support/pip (or $XDG_DATA_HOME/pip) if it is a directory, else ~/.config/pip.
            var data = Path.Combine(NonBlank(env, "XDG_DATA_HOME") ?? Path.Combine(home, "Library", "Application Support"), "pip");
            return Directory.Exists(data) ? data : Path.Combine(home, ".config", "pip");
        }
        return Path.Combine(NonBlank(env, "XDG_CONFIG_HOME") ?? Path.Combine(home, ".config"), "pip");
    }

    private static List<string> Entries(IReadOnlyDictionary<string, string> env, string name) =>
        NonBlank(env, name) is { } value ? [.. value.Split(Path.PathSeparator).Where(p => p.Trim().Length > 0)] : [];

    /// <summary>platformdirs reads a variable only when it is not blank (<c>os.environ.get(name, "").strip()</c>).</summary>
    private static string? NonBlank(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
}
