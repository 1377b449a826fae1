using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// The fake uv's pip list, freeze, show, uninstall and install -r, run directly (no uvshim) as the test user, in the
/// formats and with the exit codes of uv's source. With <c>UVSHIM_TEST_UV</c> the same runs go to a real uv.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class FakeUvPipSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private static TestInterpreter Python => TestInterpreters.UnwritableCopy;

    private ProcessResult Uv(TestUser user, string[] arguments, string? workingDirectory = null, Dictionary<string, string>? environment = null) =>
        ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, arguments, environment ?? user.Environment(IntegrationFixture.PathWith(Python)), workingDirectory);

    /// <summary>A prefix with uvshim-demo and uvshim-other installed, and the options that point uv at it.</summary>
    private (string Prefix, string[] Where) Installed(TestUser user)
    {
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");
        string[] where = ["--prefix", prefix, "--python", Python.Executable];
        var installed = Uv(user, ["pip", "install", .. where, "--no-index", fixture.Other.Path, fixture.Demo.Path]);
        Assert.True(installed.ExitCode == 0, installed.ToString());
        return (prefix, where);
    }

    private static string Site(string prefix) => Path.Combine(prefix, "lib", $"python{Python.MajorMinor}", "site-packages");

    [LinuxFact]
    public void List_prints_uvs_table_json_and_freeze_formats_sorted_by_name()
    {
        using var user = TestUser.CreateUnprivileged();
        var (_, where) = Installed(user);

        var columns = Uv(user, ["pip", "list", .. where]);
        var json = Uv(user, ["pip", "list", .. where, "--format", "json"]);
        var freeze = Uv(user, ["pip", "list", .. where, "--format=freeze"]);
        var excluded = Uv(user, ["pip", "list", .. where, "--exclude", "UVSHIM_OTHER", "--format", "json"]);

        Assert.Equal("Package      Version\n------------ -------\nuvshim-demo  1.0\nuvshim-other 2.0\n", columns.StandardOutput);
        Assert.Equal("""[{"name":"uvshim-demo","version":"1.0"},{"name":"uvshim-other","version":"2.0"}]""" + "\n", json.StandardOutput);
        Assert.Equal("uvshim-demo==1.0\nuvshim-other==2.0\n", freeze.StandardOutput);
        Assert.Equal("""[{"name":"uvshim-demo","version":"1.0"}]""" + "\n", excluded.StandardOutput);
        Assert.Contains($"Using Python {Python.Version} environment at: {Python.Prefix}", columns.StandardError);
    }

    [LinuxFact]
    public void List_of_an_empty_prefix_prints_nothing_in_columns_and_an_empty_json_array()
    {
        using var user = TestUser.CreateUnprivileged();
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");
        string[] where = ["--prefix", prefix, "--python", Python.Executable];

        var columns = Uv(user, ["pip", "list", .. where]);
        var json = Uv(user, ["pip", "list", .. where, "--format", "json"]);

        Assert.True(columns.ExitCode == 0, columns.ToString());
        Assert.Equal("", columns.StandardOutput);
        Assert.Equal("[]\n", json.StandardOutput);
        Assert.True(Directory.Exists(Site(prefix)), "uv creates the prefix's site-packages even to list it");
    }

    [LinuxFact]
    public void List_shows_editables_with_their_project_location_and_filters_them()
    {
        // Arrange: an editable install, as uv records one (direct_url.json with dir_info.editable)
        using var user = TestUser.CreateUnprivileged();
        var (prefix, where) = Installed(user);
        var projectDirectory = user.CreateDirectory("editable-project");
        var distInfo = Path.Combine(Site(prefix), "uvshim_editable-0.1.dist-info");
        Directory.CreateDirectory(distInfo);
        File.WriteAllText(Path.Combine(distInfo, "METADATA"), "Metadata-Version: 2.1\nName: uvshim-editable\nVersion: 0.1\n");
        File.WriteAllText(Path.Combine(distInfo, "RECORD"), "uvshim_editable-0.1.dist-info/METADATA,,\n");
        File.WriteAllText(Path.Combine(distInfo, "direct_url.json"), "{\"url\":\"file://" + projectDirectory + "\",\"dir_info\":{\"editable\":true}}");
        user.GiveOwnership(distInfo);

        // Act
        var columns = Uv(user, ["pip", "list", .. where]);
        var json = Uv(user, ["pip", "list", .. where, "--format", "json", "-e"]);
        var withoutEditables = Uv(user, ["pip", "list", .. where, "--format", "json", "--exclude-editable"]);
        var freeze = Uv(user, ["pip", "freeze", .. where]);

        // Assert
        var width = Math.Max("Editable project location".Length, projectDirectory.Length);
        string Row(string name, string version, string location) =>
            (name.PadRight("uvshim-editable".Length) + " " + version.PadRight("Version".Length) + " " + location.PadRight(width)).TrimEnd() + "\n";
        Assert.Equal(
            Row("Package", "Version", "Editable project location")
            + Row(new string('-', "uvshim-editable".Length), new string('-', "Version".Length), new string('-', width))
            + Row("uvshim-demo", "1.0", "")
            + Row("uvshim-editable", "0.1", projectDirectory)
            + Row("uvshim-other", "2.0", ""),
            columns.StandardOutput);
        Assert.Equal($$"""[{"name":"uvshim-editable","version":"0.1","editable_project_location":"{{projectDirectory}}"}]""" + "\n", json.StandardOutput);
        Assert.Equal("""[{"name":"uvshim-demo","version":"1.0"},{"name":"uvshim-other","version":"2.0"}]""" + "\n", withoutEditables.StandardOutput);
        Assert.Contains($"-e file://{projectDirectory}\n", freeze.StandardOutput);
    }

    [LinuxFact]
    public void Freeze_names_a_wheel_installed_from_a_path_by_its_url()
    {
        using var user = TestUser.CreateUnprivileged();
        var (_, where) = Installed(user);

        var freeze = Uv(user, ["pip", "freeze", .. where]);
        var excluded = Uv(user, ["pip", "freeze", .. where, "--exclude", "uvshim-demo"]);

        Assert.Equal(
            $"uvshim-demo @ {new Uri(fixture.Demo.Path).AbsoluteUri}\nuvshim-other @ {new Uri(fixture.Other.Path).AbsoluteUri}\n",
            freeze.StandardOutput);
        Assert.Equal($"uvshim-other @ {new Uri(fixture.Other.Path).AbsoluteUri}\n", excluded.StandardOutput);
    }

    [LinuxFact]
    public void Show_prints_name_version_location_requires_and_required_by_separated_by_dashes()
    {
        using var user = TestUser.CreateUnprivileged();
        var (prefix, where) = Installed(user);

        var result = Uv(user, ["pip", "show", .. where, "uvshim_other", "uvshim-demo"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"Name: uvshim-demo\nVersion: 1.0\nLocation: {Site(prefix)}\nRequires:\nRequired-by: uvshim-other\n"
            + $"---\nName: uvshim-other\nVersion: 2.0\nLocation: {Site(prefix)}\nRequires: uvshim-demo\nRequired-by:\n",
            result.StandardOutput);
    }

    [LinuxFact]
    public void Show_with_files_lists_the_record_entries_including_the_script_outside_the_site()
    {
        using var user = TestUser.CreateUnprivileged();
        var (_, where) = Installed(user);

        var result = Uv(user, ["pip", "show", .. where, "-f", "uvshim-demo"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var files = PipOutput.Show(result.StandardOutput).Single()["Files"].Split('\n');
        Assert.Contains($"../../../bin/{fixture.Demo.ScriptName}", files);
        Assert.Contains($"{fixture.Demo.ImportName}/__init__.py", files);
    }

    [LinuxFact]
    public void Show_warns_about_missing_packages_and_fails_only_when_none_is_found()
    {
        using var user = TestUser.CreateUnprivileged();
        var (_, where) = Installed(user);

        var some = Uv(user, ["pip", "show", .. where, "uvshim-demo", "zz-missing", "aa-missing"]);
        var none = Uv(user, ["pip", "show", .. where, "zz-missing"]);
        var nothing = Uv(user, ["pip", "show", .. where]);

        Assert.True(some.ExitCode == 0, some.ToString());
        Assert.Contains("warning: Package(s) not found for: aa-missing, zz-missing", some.StandardError);
        Assert.True(none.ExitCode == 1, none.ToString());
        Assert.Equal("", none.StandardOutput);
        Assert.True(nothing.ExitCode == 1, nothing.ToString());
        Assert.Contains("warning: Please provide a package name or names.", nothing.StandardError);
    }

    [LinuxFact]
    public void Uninstall_removes_every_record_entry_including_the_script_and_reports_like_uv()
    {
        using var user = TestUser.CreateUnprivileged();
        var (prefix, where) = Installed(user);

        var result = Uv(user, ["pip", "uninstall", .. where, "Uvshim_Demo", "uvshim-missing"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: Skipping uvshim-missing as it is not installed", result.StandardError);
        Assert.Contains("Uninstalled 1 package in ", result.StandardError);
        Assert.Contains($" - uvshim-demo==1.0 (from {new Uri(fixture.Demo.Path).AbsoluteUri})", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(Site(prefix), fixture.Demo.ImportName)));
        Assert.False(Directory.Exists(Path.Combine(Site(prefix), fixture.Demo.DistInfoDirectory)));
        Assert.False(File.Exists(Path.Combine(prefix, "bin", fixture.Demo.ScriptName)));
        Assert.True(File.Exists(Path.Combine(prefix, "bin", fixture.Other.ScriptName)));
    }

    [LinuxFact]
    public void Uninstall_takes_names_from_requirements_files_and_says_when_there_is_nothing_to_do()
    {
        using var user = TestUser.CreateUnprivileged();
        var (prefix, where) = Installed(user);
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, "reqs.txt"), "uvshim-other>=1 ; python_version >= '3'\n# comment\nuvshim-demo==1.0\n");

        var removed = Uv(user, ["pip", "uninstall", .. where, "-r", "reqs.txt"], work);
        var again = Uv(user, ["pip", "uninstall", .. where, "-r", "reqs.txt"], work);

        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("Uninstalled 2 packages in ", removed.StandardError);
        Assert.Equal([], Directory.EnumerateDirectories(Site(prefix), "*.dist-info"));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("warning: Skipping uvshim-demo as it is not installed", again.StandardError);
        Assert.Contains("warning: No packages to uninstall", again.StandardError);
    }

    [LinuxFact]
    public void Uninstall_without_a_virtual_environment_needs_system_or_a_python_path()
    {
        using var user = TestUser.CreateUnprivileged();
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");

        var result = Uv(user, ["pip", "uninstall", "--prefix", prefix, "uvshim-demo"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("No virtual environment found", result.StandardError);
    }

    [LinuxFact]
    public void Install_reads_wheel_paths_and_named_urls_from_requirements_files_and_checks_hashes()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");
        string[] where = ["--prefix", prefix, "--python", Python.Executable];
        var work = user.CreateDirectory("work");
        user.WriteFile(
            Path.Combine(work, "good.txt"),
            $"{fixture.Demo.Path} \\\n    --hash={SampleProject.Sha256(fixture.Demo.Path)}\nuvshim-devtool @ {new Uri(fixture.DevTool.Path).AbsoluteUri}\n");
        user.WriteFile(Path.Combine(work, "bad.txt"), $"uvshim-other @ {new Uri(fixture.Other.Path).AbsoluteUri} --hash=sha256:{new string('0', 64)}\n");

        // Act
        var good = Uv(user, ["pip", "install", .. where, "-r", "good.txt"], work);
        var bad = Uv(user, ["pip", "install", .. where, "-r", "bad.txt"], work);

        // Assert
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("Installed 2 packages in ", good.StandardError);
        Assert.True(Directory.Exists(Path.Combine(Site(prefix), fixture.DevTool.DistInfoDirectory)));
        Assert.True(bad.ExitCode == 1, bad.ToString());
        Assert.Contains($"Hash mismatch for `uvshim-other @ {new Uri(fixture.Other.Path).AbsoluteUri}`", bad.StandardError);
        Assert.False(Directory.Exists(Path.Combine(Site(prefix), fixture.Other.DistInfoDirectory)));
    }

    [LinuxFact]
    public void Pip_sync_removes_what_the_requirements_do_not_name()
    {
        using var user = TestUser.CreateUnprivileged();
        var (prefix, where) = Installed(user);
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, "reqs.txt"), fixture.DevTool.Path + "\n");

        var result = Uv(user, ["pip", "sync", .. where, "reqs.txt"], work);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([fixture.DevTool.DistInfoDirectory], Directory.EnumerateDirectories(Site(prefix), "*.dist-info").Select(Path.GetFileName));
        Assert.Contains(" - uvshim-demo==1.0", result.StandardError);
        Assert.Contains(" + uvshim-devtool==1.5", result.StandardError);
    }

    [LinuxFact]
    public void Pip_settings_in_a_uv_toml_count_and_a_broken_uv_toml_is_an_error()
    {
        using var user = TestUser.CreateUnprivileged();
        var good = user.CreateDirectory("good");
        user.WriteFile(Path.Combine(good, "uv.toml"), "[pip]\nsystem = true\ntarget = \"site\"\n");
        var broken = user.CreateDirectory("broken");
        user.WriteFile(Path.Combine(broken, "uv.toml"), "[pip\nsystem = true\n");

        var installed = Uv(user, ["pip", "install", fixture.Demo.Path], good);
        var noConfig = Uv(user, ["pip", "install", "--no-config", fixture.Demo.Path], good);
        var failed = Uv(user, ["pip", "install", fixture.Demo.Path], broken);

        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.True(File.Exists(Path.Combine(good, "site", fixture.Demo.ImportName, "__init__.py")));
        Assert.True(noConfig.ExitCode == 2, noConfig.ToString());
        Assert.Contains("No virtual environment found", noConfig.StandardError);
        Assert.True(failed.ExitCode == 2, failed.ToString());
        Assert.Contains("error: Failed to parse: `uv.toml`", failed.StandardError);
    }
}
