using UvShim.Decision;
using UvShim.Settings;

namespace UvShim.Tests.Settings;

public sealed class SettingsLoaderSpecs : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("uvshim-settings-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Dictionary<string, string> Env(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string> { ["HOME"] = _home };
        foreach (var (key, value) in extra)
            env[key] = value;
        return env;
    }

    private void WriteUserConfig(string json)
    {
        var dir = Path.Combine(_home, ".config", "uvshim");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "config.json"), json);
    }

    [Fact]
    public void Without_files_or_variables_the_defaults_apply()
    {
        var settings = SettingsLoader.Load(Env());

        Assert.Equal(ShimMode.Auto, settings.Mode);
        Assert.Null(settings.UvPath);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.ProbeTimeout);
    }

    [Fact]
    public void The_user_config_file_is_read_and_the_environment_wins_over_it()
    {
        WriteUserConfig("""{ "Mode": "always", "Uv": { "Path": "/opt/uv/bin/uv" } }""");

        var fromFile = SettingsLoader.Load(Env());
        var withEnv = SettingsLoader.Load(Env(("UVSHIM_MODE", "off")));

        Assert.Equal(ShimMode.Always, fromFile.Mode);
        Assert.Equal("/opt/uv/bin/uv", fromFile.UvPath);
        Assert.Contains(Path.Combine(_home, ".config", "uvshim", "config.json"), fromFile.FilesRead);
        Assert.Equal(ShimMode.Off, withEnv.Mode);
    }

    [Fact]
    public void XDG_CONFIG_HOME_moves_the_user_config_file()
    {
        var xdg = Path.Combine(_home, "xdg");
        Directory.CreateDirectory(Path.Combine(xdg, "uvshim"));
        File.WriteAllText(Path.Combine(xdg, "uvshim", "config.json"), """{ "Mode": "off" }""");

        Assert.Equal(ShimMode.Off, SettingsLoader.Load(Env(("XDG_CONFIG_HOME", xdg))).Mode);
    }

    [Fact]
    public void A_config_file_with_bad_JSON_is_a_clear_error_naming_the_file()
    {
        WriteUserConfig("{ \"Mode\": ");

        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(Env()));

        Assert.Contains(Path.Combine(_home, ".config", "uvshim", "config.json"), error.Message);
    }

    [Theory]
    [InlineData("UVSHIM_MODE", "sometimes", "auto, always or off")]
    [InlineData("UVSHIM_LOG_LEVEL", "loud", "debug, information, warning or error")]
    [InlineData("UVSHIM_PROBE_TIMEOUT", "-1", "positive")]
    public void A_bad_value_is_a_clear_error_naming_the_setting(string variable, string value, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(Env((variable, value))));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Without_HOME_only_the_system_file_is_considered()
    {
        Assert.Equal(["/etc/uvshim/config.json"], SettingsLoader.Files(new Dictionary<string, string>()));
    }
}
