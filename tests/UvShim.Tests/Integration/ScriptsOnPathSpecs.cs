using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// After a user install, console scripts land in <c>&lt;user base&gt;/bin</c>; when that directory is not on PATH,
/// uvshim runs uv as a child and, once uv is done, warns as pip does: for each distribution uv installed, naming its
/// console scripts (pip's singular and plural). On PATH, uvshim execs uv. <c>--no-warn-script-location</c> (pip's flag,
/// which uv would reject) silences the warning and never reaches uv; <c>-q</c> silences it too.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ScriptsOnPathSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string Advice = "Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.";

    private static string NotOnPath(TestUser user) => $"'{Path.Combine(user.UserBase, "bin")}' which is not on PATH";

    private static string Bin(TestUser user) => Path.Combine(user.UserBase, "bin");

    private static string[] WarningLines(ProcessResult result) =>
        result.StandardError.Split('\n').Where(l => l.StartsWith("uvshim: WARNING", StringComparison.Ordinal)).ToArray();

    private ProcessResult Install(TestUser user, params string[] arguments) =>
        ShimProcessRunner.RunShim(user, ["pip", "install", .. arguments], fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, ("UV_SYSTEM_PYTHON", "1")));

    [LinuxFact]
    public void After_the_install_pip_names_the_one_console_script_that_landed_off_PATH()
    {
        using var user = TestUser.CreateUnprivileged();

        var result = Install(user, fixture.Wheel.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = $"uvshim: WARNING: The script {fixture.Wheel.ScriptName} is installed in '{Bin(user)}' which is not on PATH.\n{Advice}\n";
        Assert.EndsWith(warning, result.StandardError);
        Assert.Contains(" + uvshim-demo==1.0", result.StandardError[..result.StandardError.IndexOf(warning, StringComparison.Ordinal)]);
        Assert.True(File.Exists(Path.Combine(Bin(user), fixture.Wheel.ScriptName)));
        Assert.NotEqual(result.ProcessId, result.SingleRecord.ProcessId); // uv ran as uvshim's child
    }

    [LinuxFact]
    public void Several_console_scripts_get_pips_plural_sorted_and_gui_scripts_are_not_named()
    {
        using var user = TestUser.CreateUnprivileged();
        var wheel = WheelBuilder.Build(user.CreateDirectory("wheels"), "uvshim-tools", "1.0", consoleScripts: ["zeta-tool", "alpha-tool", "Mid"], guiScripts: ["gui-tool"]);

        var result = Install(user, wheel.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([$"uvshim: WARNING: The scripts Mid, alpha-tool and zeta-tool are installed in '{Bin(user)}' which is not on PATH."], WarningLines(result));
        Assert.True(File.Exists(Path.Combine(Bin(user), "gui-tool")));
    }

    [LinuxFact]
    public void A_package_without_console_scripts_gets_no_warning()
    {
        using var user = TestUser.CreateUnprivileged();
        var wheel = WheelBuilder.Build(user.CreateDirectory("wheels"), "uvshim-quiet", "1.0", consoleScripts: []);

        var result = Install(user, wheel.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" + uvshim-quiet==1.0", result.StandardError);
        Assert.DoesNotContain("not on PATH", result.StandardError);
    }

    [LinuxFact]
    public void Each_installed_distribution_gets_its_own_warning_in_name_order_and_what_was_already_there_none()
    {
        using var user = TestUser.CreateUnprivileged();
        var wheels = user.CreateDirectory("wheels");
        var zed = WheelBuilder.Build(wheels, "uvshim-zed", "1.0");
        var abc = WheelBuilder.Build(wheels, "uvshim-abc", "1.0");
        Assert.Equal(0, Install(user, fixture.Wheel.Path).ExitCode);

        var result = Install(user, zed.Path, abc.Path, fixture.Wheel.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                $"uvshim: WARNING: The script {abc.ScriptName} is installed in '{Bin(user)}' which is not on PATH.",
                $"uvshim: WARNING: The script {zed.ScriptName} is installed in '{Bin(user)}' which is not on PATH.",
            ],
            WarningLines(result));
    }

    [LinuxFact]
    public void A_reinstall_names_the_scripts_again_as_pip_does()
    {
        using var user = TestUser.CreateUnprivileged();
        Assert.Equal(0, Install(user, fixture.Wheel.Path).ExitCode);

        var result = Install(user, "--reinstall", fixture.Wheel.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([$"uvshim: WARNING: The script {fixture.Wheel.ScriptName} is installed in '{Bin(user)}' which is not on PATH."], WarningLines(result));
    }

    [LinuxFact]
    public void A_failed_install_keeps_uvs_exit_code_and_names_nothing()
    {
        using var user = TestUser.CreateUnprivileged();

        var result = Install(user, "--no-index", "uvshim-nowhere");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No solution found when resolving dependencies", result.StandardError);
        Assert.DoesNotContain("not on PATH", result.StandardError);
    }

    [LinuxFact]
    public void A_user_install_warns_when_the_user_scripts_directory_is_not_on_PATH()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", fixture.Wheel.Path], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(NotOnPath(user), result.StandardError);
        Assert.Contains(Advice, result.StandardError);
    }

    [LinuxFact]
    public void A_user_install_does_not_warn_when_the_user_scripts_directory_is_on_PATH()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));
        environment["PATH"] = IntegrationFixture.PathWith(python, Path.Combine(user.UserBase, "bin"));

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", fixture.Wheel.Path], environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("which is not on PATH", result.StandardError);
        Assert.DoesNotContain(Advice, result.StandardError);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId); // exec'd, as without a warning to give
    }

    [LinuxFact]
    public void No_warn_script_location_silences_the_warning_and_never_reaches_uv()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        var result = ShimProcessRunner.RunShim(
            user, ["pip", "install", "--no-warn-script-location", fixture.Wheel.Path], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("which is not on PATH", result.StandardError);
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, fixture.Wheel.Path], result.SingleRecord.Arguments);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [LinuxFact]
    public void Quiet_silences_the_warning()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "-q", fixture.Wheel.Path], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("which is not on PATH", result.StandardError);
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "-q", fixture.Wheel.Path], result.SingleRecord.Arguments);
    }
}
