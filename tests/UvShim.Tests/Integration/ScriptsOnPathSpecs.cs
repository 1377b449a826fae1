using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// SPEC §3.6: after a user install, scripts land in <c>&lt;user base&gt;/bin</c>; when that directory is not on PATH,
/// uvshim warns as pip does. <c>--no-warn-script-location</c> (pip's flag, which uv would reject) silences it and never
/// reaches uv; <c>-q</c> silences it too.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ScriptsOnPathSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string Advice = "Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.";

    private static string NotOnPath(TestUser user) => $"'{Path.Combine(user.UserBase, "bin")}' which is not on PATH";

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
