namespace UvShim.UvConfig;

/// <summary>The machine facts config discovery needs beyond the environment; tests replace them so nothing real is read.</summary>
internal sealed record UvConfigHost
{
    public static readonly UvConfigHost Current = new()
    {
        IsWindows = OperatingSystem.IsWindows(),
        EtcConfigFile = "/etc/uv/uv.toml",
        HomeFallback = () => NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
        RoamingAppDataFallback = () => NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)),
    };

    public required bool IsWindows { get; init; }

    /// <summary>The last system candidate on Unix, after <c>XDG_CONFIG_DIRS</c>.</summary>
    public required string EtcConfigFile { get; init; }

    /// <summary>Rust's <c>home_dir()</c> when <c>HOME</c>/<c>USERPROFILE</c> is unset or empty (the passwd entry / profile directory).</summary>
    public required Func<string?> HomeFallback { get; init; }

    /// <summary>etcetera's <c>SHGetKnownFolderPath(FOLDERID_RoamingAppData)</c> when <c>APPDATA</c> is unset or empty.</summary>
    public required Func<string?> RoamingAppDataFallback { get; init; }

    private static string? NonEmpty(string path) => path.Length == 0 ? null : path;
}
