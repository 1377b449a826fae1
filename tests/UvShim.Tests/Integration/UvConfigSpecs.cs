using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// SPEC §3.1: uv's own configuration counts in the decision. <c>[pip] system = true</c> in a <c>uv.toml</c> (or
/// <c>[tool.uv.pip]</c> in a <c>pyproject.toml</c>) of the working directory or a parent makes a plain
/// <c>uv pip install</c> a system install, so it falls back to the user site like <c>UV_SYSTEM_PYTHON=1</c>;
/// <c>--no-config</c> turns that off; a configured <c>target</c> is not a user install; a configuration that does not
/// parse is left for uv to report. Unwritable interpreter first on PATH, no <c>UV_SYSTEM_PYTHON</c> unless said.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UvConfigSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static string WorkWith(TestUser user, string fileName, string content)
    {
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, fileName), content);
        return work;
    }

    private string[] UserInstall(TestUser user, TestInterpreter python) =>
        ["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, fixture.Wheel.Path];

    [LinuxFact]
    public void System_true_in_a_uv_toml_of_the_working_directory_makes_the_install_fall_back_to_the_user_site()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = WorkWith(user, "uv.toml", "[pip]\nsystem = true\n");

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", fixture.Wheel.Path], fixture.ShimEnvironment(user, python), work);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserInstall(user, python), result.SingleRecord.Arguments);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [LinuxFact]
    public void System_true_in_the_tool_uv_pip_table_of_a_parent_pyproject_makes_the_install_fall_back_to_the_user_site()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var parent = WorkWith(user, "pyproject.toml", "[tool.uv.pip]\nsystem = true\n");
        var work = Path.Combine(parent, "sub");
        Directory.CreateDirectory(work);
        user.GiveOwnership(work);

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", fixture.Wheel.Path], fixture.ShimEnvironment(user, python), work);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserInstall(user, python), result.SingleRecord.Arguments);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [LinuxFact]
    public void With_no_config_the_configuration_is_ignored_and_the_command_reaches_uv_unchanged()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = WorkWith(user, "uv.toml", "[pip]\nsystem = true\n");
        string[] arguments = ["--no-config", "pip", "install", fixture.Wheel.Path];

        var result = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python), work);

        // uv, without its configuration, finds no virtual environment
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("No virtual environment found", result.StandardError);
        Assert.False(Directory.Exists(python.UserSitePackages(user)));
    }

    public static TheoryData<string[], string[]> PipSyncWithoutConfiguration => new()
    {
        // pip sync's compat --no-config is the global one for uv (crates/uv-cli/src/compat.rs PipSyncCompatArgs)
        { ["pip", "sync", "--no-config", "reqs.txt"], [] },
        { ["--no-config", "pip", "sync", "reqs.txt"], [] },
        { ["pip", "sync", "reqs.txt"], ["UV_NO_CONFIG", "1"] },
        { ["pip", "sync", "--config-file", "empty.toml", "reqs.txt"], [] },
    };

    [LinuxTheory]
    [MemberData(nameof(PipSyncWithoutConfiguration))]
    public void A_pip_sync_that_skips_the_configuration_reaches_uv_unchanged_which_wants_a_venv(string[] arguments, string[] variable)
    {
        // Arrange: the uv.toml would make it a system sync, which uvshim refuses
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = WorkWith(user, "uv.toml", "[pip]\nsystem = true\n");
        user.WriteFile(Path.Combine(work, "empty.toml"), "");
        user.WriteFile(Path.Combine(work, "reqs.txt"), fixture.Wheel.Path + "\n");
        var environment = variable.Length == 0 ? fixture.ShimEnvironment(user, python) : fixture.ShimEnvironment(user, python, (variable[0], variable[1]));

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, environment, work);

        // Assert
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("No virtual environment found", result.StandardError);
        Assert.False(Directory.Exists(python.UserSitePackages(user)));
    }

    [LinuxFact]
    public void A_target_in_a_uv_toml_is_not_a_user_install_and_the_command_reaches_uv_unchanged()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = WorkWith(user, "uv.toml", "[pip]\ntarget = \"x\"\n");
        string[] arguments = ["pip", "install", fixture.Wheel.Path];

        var result = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")), work);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.DoesNotContain("Defaulting to user installation", result.StandardError);
        Assert.True(File.Exists(Path.Combine(work, "x", fixture.Wheel.ImportName, "__init__.py")), result.ToString());
        Assert.False(Directory.Exists(python.UserSitePackages(user)));
    }

    [LinuxFact]
    public void A_uv_toml_that_does_not_parse_is_left_for_uv_to_report()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = WorkWith(user, "uv.toml", "[pip\nsystem = true\n");
        string[] arguments = ["pip", "install", fixture.Wheel.Path];

        var result = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")), work);

        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Failed to parse: `uv.toml`", result.StandardError);
        Assert.False(Directory.Exists(python.UserSitePackages(user)));
    }
}
