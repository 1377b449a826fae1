using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// One unprivileged user, shared by <see cref="UserSiteViewSpecs"/> (which only read): <c>uvshim-demo 1.0</c> and
/// <c>uvshim-other 2.0</c> installed into the user site through uvshim, for an unwritable interpreter copy whose system
/// site-packages holds <c>uvshim-demo 0.9</c> and <c>uvshim-system 3.0</c>.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UserSiteViewFixture : IDisposable
{
    public UserSiteViewFixture()
    {
        Wheels = new UserSiteFixture();
        Interpreter = TestInterpreters.UnwritableCopyWithSystemPackages;
        User = TestUser.CreateUnprivileged();
        Wheels.InstallForUser(User, Python, Wheels.Demo, Wheels.Other);
    }

    public UserSiteFixture Wheels { get; }

    public SystemPackagesInterpreter Interpreter { get; }

    public TestInterpreter Python => Interpreter.Python;

    public TestUser User { get; }

    public string UserSite => Python.UserSitePackages(User);

    /// <summary>uv's view of a system interpreter: the fixture's environment, interpreter first on PATH, <c>UV_SYSTEM_PYTHON=1</c>.</summary>
    public Dictionary<string, string> SystemEnvironment(params (string Name, string Value)[] extra) =>
        Wheels.ShimEnvironment(User, Python, [("UV_SYSTEM_PYTHON", "1"), .. extra]);

    public void Dispose()
    {
        User.Dispose();
        Wheels.Dispose();
    }
}

/// <summary>
/// README, "Beyond install": <c>uv pip list</c>/<c>freeze</c>/<c>show</c>: with <c>--user</c> (which uv itself rejects) only the user
/// site, through <c>--prefix &lt;user base&gt; --python &lt;exe&gt;</c>; without it, a view of a system interpreter also
/// shows the user-site packages, as pip does, one entry per package, the user-site version winning as it does on
/// sys.path. Outputs are checked in uv's formats.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UserSiteViewSpecs(UserSiteViewFixture fixture) : IClassFixture<UserSiteViewFixture>
{
    private TestUser User => fixture.User;

    private TestInterpreter Python => fixture.Python;

    private string[] UserView(string subcommand, params string[] rest) =>
        ["pip", subcommand, "--prefix", User.UserBase, "--python", Python.Executable, .. rest];

    private ProcessResult Run(params string[] arguments) => ShimProcessRunner.RunShim(User, arguments, fixture.SystemEnvironment());

    [LinuxFact]
    public void A_merged_list_whose_uv_cannot_start_ends_with_one_line_and_exit_2()
    {
        var uv = UserSiteUninstallSpecs.UnstartableUv(User);

        var result = ShimProcessRunner.RunShim(User, ["pip", "list"], fixture.SystemEnvironment(("UVSHIM_UV", uv)));

        UserSiteUninstallSpecs.AssertCannotRun(result, uv);
    }

    [LinuxFact]
    public void List_with_user_shows_only_the_user_site_in_columns()
    {
        var result = Run("pip", "list", "--user");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserView("list"), result.SingleRecord.Arguments);
        Assert.Equal(PipOutput.Columns(("uvshim-demo", "1.0"), ("uvshim-other", "2.0")), result.StandardOutput);
    }

    [LinuxFact]
    public void List_with_user_keeps_the_other_options_after_the_inserted_ones()
    {
        var result = Run("pip", "list", "--user", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserView("list", "--format", "json"), result.SingleRecord.Arguments);
        Assert.Equal([("uvshim-demo", "1.0"), ("uvshim-other", "2.0")], PipOutput.Json(result.StandardOutput));
    }

    [LinuxFact]
    public void Freeze_with_user_shows_only_the_user_site()
    {
        var result = Run("pip", "freeze", "--user");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserView("freeze"), result.SingleRecord.Arguments);
        Assert.Equal([("uvshim-demo", "1.0"), ("uvshim-other", "2.0")], PipOutput.Freeze(result.StandardOutput));
    }

    [LinuxFact]
    public void Show_with_user_shows_the_user_site_package()
    {
        var result = Run("pip", "show", "--user", "uvshim-demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserView("show", "uvshim-demo"), result.SingleRecord.Arguments);
        var block = Assert.Single(PipOutput.Show(result.StandardOutput));
        Assert.Equal("1.0", block["Version"]);
        Assert.Equal(fixture.UserSite, block["Location"]);
    }

    [LinuxFact]
    public void A_system_list_in_columns_also_shows_the_user_site_the_user_version_winning()
    {
        var result = Run("pip", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PipOutput.Columns(("uvshim-demo", "1.0"), ("uvshim-other", "2.0"), ("uvshim-system", "3.0")), result.StandardOutput);
    }

    [LinuxFact]
    public void A_system_list_in_json_also_shows_the_user_site_the_user_version_winning()
    {
        var result = Run("pip", "list", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [("uvshim-demo", "1.0"), ("uvshim-other", "2.0"), ("uvshim-system", "3.0")],
            PipOutput.Json(result.StandardOutput).OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    [LinuxFact]
    public void A_system_list_in_freeze_format_also_shows_the_user_site_the_user_version_winning()
    {
        var result = Run("pip", "list", "--format=freeze");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("uvshim-demo==1.0\nuvshim-other==2.0\nuvshim-system==3.0\n", result.StandardOutput);
    }

    [LinuxFact]
    public void A_system_freeze_also_shows_the_user_site_the_user_version_winning()
    {
        var result = Run("pip", "freeze");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [("uvshim-demo", "1.0"), ("uvshim-other", "2.0"), ("uvshim-system", "3.0")],
            PipOutput.Freeze(result.StandardOutput).OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    [LinuxFact]
    public void A_system_show_of_a_user_site_package_gives_the_user_site_as_location()
    {
        var result = Run("pip", "show", "uvshim-demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        var block = Assert.Single(PipOutput.Show(result.StandardOutput));
        Assert.Equal("uvshim-demo", block["Name"]);
        Assert.Equal("1.0", block["Version"]);
        Assert.Equal(fixture.UserSite, block["Location"]);
    }

    [LinuxFact]
    public void A_system_show_of_several_packages_gives_each_its_own_location()
    {
        var result = Run("pip", "show", "uvshim-system", "uvshim-other");

        Assert.True(result.ExitCode == 0, result.ToString());
        var locations = PipOutput.Show(result.StandardOutput).ToDictionary(b => b["Name"], b => b["Location"]);
        Assert.Equal(fixture.UserSite, locations["uvshim-other"]);
        Assert.Equal(fixture.Interpreter.SitePackages, locations["uvshim-system"]);
        Assert.Equal(2, locations.Count);
    }

    [LinuxFact]
    public void A_system_show_of_a_package_installed_nowhere_returns_uvs_failure()
    {
        var result = Run("pip", "show", "uvshim-nowhere");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("warning: Package(s) not found for: uvshim-nowhere", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [LinuxTheory]
    [InlineData("list")]
    [InlineData("freeze")]
    public void With_qq_a_merged_view_prints_nothing_and_uv_is_asked_with_one_q(string subcommand)
    {
        var result = Run("-qq", "pip", subcommand);

        // uv 0.12.5 crates/uv/src/printer.rs: -qq is Printer::Silent; one -q still prints list and freeze
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StandardOutput);
        Assert.Equal("", result.StandardError);
        Assert.Equal(2, result.Records.Count);
        Assert.All(result.Records, r => Assert.Equal(["-q", "pip", subcommand], r.Arguments.Take(3)));
        Assert.All(result.Records, r => Assert.Single(r.Arguments, a => a.StartsWith("-q", StringComparison.Ordinal)));
    }

    [LinuxFact]
    public void With_q_a_merged_list_still_prints_its_json()
    {
        var result = Run("pip", "list", "-q", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [("uvshim-demo", "1.0"), ("uvshim-other", "2.0"), ("uvshim-system", "3.0")],
            PipOutput.Json(result.StandardOutput).OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.All(result.Records, r => Assert.Single(r.Arguments, a => a == "-q"));
    }

    [LinuxFact]
    public void With_q_a_merged_show_prints_nothing_and_succeeds_as_uv_does()
    {
        var result = Run("pip", "show", "-q", "uvshim-demo", "uvshim-system");

        // show.rs prints through printer.stdout(), which -q silences; the packages were found, so exit 0
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StandardOutput);
        Assert.Equal(2, result.Records.Count);
    }

    [LinuxFact]
    public void Outdated_with_the_freeze_format_reaches_uv_unchanged_and_uv_refuses_it()
    {
        string[] arguments = ["pip", "list", "--outdated", "--format", "freeze"];

        var result = Run(arguments);

        // crates/uv/src/commands/pip/list.rs: refused before anything else, an error (exit 2)
        Assert.Equal(arguments, result.SingleRecord.Arguments);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("`--outdated` cannot be used with `--format freeze`", result.StandardError);
    }

    [LinuxFact]
    public void Outdated_with_the_freeze_format_and_user_reaches_uv_without_user()
    {
        var result = Run("pip", "list", "--user", "--outdated", "--format", "freeze");

        Assert.Equal(["pip", "list", "--outdated", "--format", "freeze"], result.SingleRecord.Arguments);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("`--outdated` cannot be used with `--format freeze`", result.StandardError);
    }

    [LinuxFact]
    public void A_merged_freeze_knows_an_editable_user_copy_by_its_package_name_not_by_its_line()
    {
        // Arrange: its own user, with an editable uvshim-demo (checked out in a directory of another name) in the user
        // site, where the system site has uvshim-demo 0.9
        using var user = TestUser.CreateUnprivileged();
        fixture.Wheels.InstallForUser(user, Python, fixture.Wheels.DevTool);
        var checkout = user.CreateDirectory("checkout");
        var url = new Uri(checkout).AbsoluteUri;
        var distInfo = Path.Combine(Python.UserSitePackages(user), "uvshim_demo-1.0.dist-info");
        Directory.CreateDirectory(distInfo);
        user.WriteFile(Path.Combine(distInfo, "METADATA"), "Metadata-Version: 2.1\nName: uvshim-demo\nVersion: 1.0\n");
        user.WriteFile(Path.Combine(distInfo, "direct_url.json"), "{\"url\":\"" + url + "\",\"dir_info\":{\"editable\":true}}");
        user.WriteFile(Path.Combine(distInfo, "INSTALLER"), "uv\n");
        user.WriteFile(Path.Combine(distInfo, "RECORD"), "");
        user.GiveOwnership(distInfo);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "freeze"], fixture.Wheels.ShimEnvironment(user, Python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert: one line per package; the editable line stands for uvshim-demo and hides the system's 0.9
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("-e " + url, lines[0]);
        Assert.StartsWith("uvshim-devtool", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("uvshim-system", lines[2], StringComparison.Ordinal);
    }

    [LinuxFact]
    public void A_system_list_returns_the_exit_code_of_uv()
    {
        var result = ShimProcessRunner.RunShim(User, ["pip", "list"], fixture.SystemEnvironment(("FAKE_UV_EXIT", "3")));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.NotEmpty(result.Records);
    }
}
