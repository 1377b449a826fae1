using UvShim.PipConfig;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.PipConfig;

/// <summary>
/// pip's <c>user</c> and <c>break-system-packages</c> switches as pip 26 reads them (configuration.py, cli/parser.py
/// <c>_get_ordered_configuration_items</c> and <c>_update_defaults</c>): files in override order, then [global], the
/// command's section and the environment, the last one winning.
/// </summary>
public sealed class PipConfigurationSpecs : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uvshim-pipconf-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Global => Path.Combine(_root, "etc", "pip.conf");

    private string User => Path.Combine(_root, "home", ".config", "pip", "pip.conf");

    private string Site => Path.Combine(_root, "prefix", "pip.conf");

    private string Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private PipConfiguration Configuration(params (string Name, string Value)[] environment) =>
        new(environment.ToDictionary(e => e.Name, e => e.Value), prefix =>
            [new(Global, PipConfigFiles.Global), new(User, PipConfigFiles.User), .. prefix is null ? Array.Empty<PipConfigFile>() : [new(Site, PipConfigFiles.Site)]]);

    [Theory]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("F", false)]
    public void PIP_USER_is_read_with_strtobool_and_named_as_the_source(string value, bool expected)
    {
        var user = Configuration(("PIP_USER", value)).User("install", null);

        Assert.Equal(new PipSwitch(expected, $"PIP_USER={value}"), user);
    }

    [Fact]
    public void An_empty_value_is_dropped_as_pip_drops_it()
    {
        Assert.Null(Configuration(("PIP_USER", "")).User("install", null));
    }

    [Fact]
    public void A_value_that_is_no_boolean_is_left_out_and_reported()
    {
        var configuration = Configuration(("PIP_USER", "maybe"));

        Assert.Null(configuration.User("install", null));
        Assert.Contains(configuration.Problems("install", null), p => p.Contains("PIP_USER=maybe", StringComparison.Ordinal));
    }

    [Fact]
    public void The_install_section_beats_global_whatever_file_holds_them()
    {
        Write(Global, "[install]\nuser = false\n");
        Write(User, "[global]\nuser = true\n");

        var user = Configuration().User("install", null);

        Assert.Equal(new PipSwitch(false, $"user = false in {Global} [install]"), user);
    }

    [Fact]
    public void A_later_file_beats_an_earlier_one_in_the_same_section_and_the_site_file_comes_last()
    {
        Write(Global, "[global]\nuser = true\n");
        Write(User, "[global]\nuser = no\n");
        Write(Site, "[global]\nuser = yes\n");
        var configuration = Configuration();

        Assert.False(configuration.User("install", null)!.Value);
        Assert.True(configuration.User("install", Path.GetDirectoryName(Site))!.Value);
    }

    [Fact]
    public void The_environment_beats_every_file()
    {
        Write(User, "[install]\nuser = true\n");

        Assert.Equal(new PipSwitch(false, "PIP_USER=0"), Configuration(("PIP_USER", "0")).User("install", null));
    }

    [Fact]
    public void Another_commands_section_does_not_count()
    {
        Write(User, "[freeze]\nuser = true\n[list]\nbreak-system-packages = true\n");
        var configuration = Configuration();

        Assert.Null(configuration.User("install", null));
        Assert.Null(configuration.BreakSystemPackages("install", null));
    }

    [Fact]
    public void Keys_are_normalized_as_pip_does_case_underscores_and_leading_dashes()
    {
        Write(User, "[global]\nBREAK_SYSTEM_PACKAGES = yes\n--user = 1\n");
        var configuration = Configuration();

        Assert.True(configuration.BreakSystemPackages("install", null)!.Value);
        Assert.True(configuration.User("install", null)!.Value);
        Assert.True(Configuration(("PIP_BREAK_SYSTEM_PACKAGES", "1")).BreakSystemPackages("uninstall", null)!.Value);
    }

    [Fact]
    public void No_user_sets_pips_user_option_to_its_value_as_pip_does()
    {
        var user = Configuration(("PIP_NO_USER", "1")).User("install", null);

        Assert.NotNull(user);
        Assert.True(user.Value);
        Assert.StartsWith("PIP_NO_USER=1", user.Source);
    }

    [Fact]
    public void A_file_pip_cannot_load_is_left_out_and_reported()
    {
        Write(Global, "user = true\n");
        Write(User, "[global]\nuser = false\n");
        var configuration = Configuration();

        Assert.False(configuration.User("install", null)!.Value);
        Assert.Contains(configuration.Problems("install", null), p => p.StartsWith(Global, StringComparison.Ordinal));
        Assert.Equal([Global, User], configuration.FilesRead(null));
    }

    [Fact]
    public void Defaults_stand_behind_every_section_of_their_file()
    {
        Write(User, "[DEFAULT]\nuser = true\n[install]\ntimeout = 5\n");

        Assert.True(Configuration().User("install", null)!.Value);
    }
}

/// <summary>Where pip looks (configuration.py <c>get_configuration_files</c> and <c>iter_config_files</c> on Linux).</summary>
public sealed class PipConfigFilesSpecs
{
    private static IReadOnlyList<PipConfigFile> For(string? prefix, params (string Name, string Value)[] environment) =>
        PipConfigFiles.For(environment.ToDictionary(e => e.Name, e => e.Value), prefix, () => "/home/app");

    [LinuxFact]
    public void On_Linux_global_files_then_the_legacy_and_XDG_user_files_then_the_site_file()
    {
        Assert.Equal(
            [("/etc/xdg/pip/pip.conf", "global"), ("/etc/pip.conf", "global"), ("/home/app/.pip/pip.conf", "user"),
                ("/home/app/.config/pip/pip.conf", "user"), ("/usr/pip.conf", "site")],
            For("/usr").Select(f => (f.Path, f.Variant)));
    }

    [LinuxFact]
    public void XDG_variables_move_the_global_and_user_files()
    {
        var files = For(null, ("XDG_CONFIG_DIRS", "/a:/b"), ("XDG_CONFIG_HOME", "/xdg"));

        Assert.Equal(["/a/pip/pip.conf", "/b/pip/pip.conf", "/etc/pip.conf", "/home/app/.pip/pip.conf", "/xdg/pip/pip.conf"], files.Select(f => f.Path));
    }

    [LinuxFact]
    public void PIP_CONFIG_FILE_naming_the_null_device_turns_every_file_off()
    {
        Assert.Empty(For("/usr", ("PIP_CONFIG_FILE", "/dev/null")));
    }

    [LinuxFact]
    public void PIP_CONFIG_FILE_naming_an_existing_file_replaces_the_user_files_and_comes_last()
    {
        var file = Path.GetTempFileName();
        try
        {
            var files = For("/usr", ("PIP_CONFIG_FILE", file));

            Assert.DoesNotContain(files, f => f.Variant == PipConfigFiles.User);
            Assert.Equal((file, "env"), (files[^1].Path, files[^1].Variant));
            Assert.Contains(For("/usr", ("PIP_CONFIG_FILE", file + ".absent")), f => f.Variant == PipConfigFiles.User);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
