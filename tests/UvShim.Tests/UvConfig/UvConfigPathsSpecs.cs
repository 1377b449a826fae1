using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>uv 0.12.5, crates/uv-dirs/src/lib.rs on etcetera 0.11: where the user and system files are looked for.</summary>
public sealed class UvConfigPathsSpecs
{
    private static UvConfigHost Windows(string? knownFolder = null) => new()
    {
        IsWindows = true,
        EtcConfigFile = "/nonexistent/etc/uv/uv.toml",
        HomeFallback = () => null,
        RoamingAppDataFallback = () => knownFolder,
    };

    [Fact]
    public void On_Windows_the_user_file_is_under_APPDATA()
    {
        var env = new Dictionary<string, string> { ["USERPROFILE"] = @"C:\Users\ada", ["APPDATA"] = @"D:\Roaming" };

        Assert.Equal(Path.Combine(@"D:\Roaming", "uv", "uv.toml"), UvConfigPaths.UserFile(env, Windows()));
    }

    [Fact]
    public void On_Windows_without_APPDATA_the_known_folder_and_then_the_profile_are_used()
    {
        var env = new Dictionary<string, string> { ["USERPROFILE"] = @"C:\Users\ada", ["APPDATA"] = "" };

        Assert.Equal(Path.Combine(@"E:\Known", "uv", "uv.toml"), UvConfigPaths.UserFile(env, Windows(@"E:\Known")));
        Assert.Equal(Path.Combine(@"C:\Users\ada", "AppData", "Roaming", "uv", "uv.toml"), UvConfigPaths.UserFile(env, Windows()));
    }

    [Fact]
    public void On_Windows_the_system_file_is_under_SYSTEMDRIVE_not_PROGRAMDATA()
    {
        using var tree = new ConfigTree();
        tree.Write("ProgramData/uv/uv.toml", "");
        tree.Write("elsewhere/uv/uv.toml", "");
        var env = new Dictionary<string, string> { ["SYSTEMDRIVE"] = tree.Root, ["PROGRAMDATA"] = tree.Path("elsewhere") };

        var found = UvConfigPaths.SystemFile(env, Windows());

        Assert.NotNull(found);
        Assert.EndsWith(Path.Combine("ProgramData", "uv", "uv.toml"), found);
        Assert.StartsWith(tree.Root, found);
    }

    [Fact]
    public void On_Unix_HOME_falls_back_to_the_password_entry_when_empty()
    {
        var host = new UvConfigHost
        {
            IsWindows = false,
            EtcConfigFile = "/nonexistent/etc/uv/uv.toml",
            HomeFallback = () => "/home/from-passwd",
            RoamingAppDataFallback = () => null,
        };

        Assert.Equal("/home/from-passwd/.config/uv/uv.toml", UvConfigPaths.UserFile(new Dictionary<string, string> { ["HOME"] = "" }, host));
    }
}
