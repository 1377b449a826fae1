using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// The unprivileged user and Debian's externally managed /usr/bin/python3 (PEP 668): like pip, uvshim refuses a
/// user install there unless told to break system packages, and then installs to the user site.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ExternallyManagedInterpreterSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [LinuxFact]
    public void A_system_install_into_an_externally_managed_interpreter_is_refused_like_pip()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;

        var result = ShimProcessRunner.RunShim(
            user, ["pip", "install", fixture.Wheel.Path], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        AssertRefusedLikePip(result, python);
    }

    [LinuxFact]
    public void An_explicit_user_install_into_an_externally_managed_interpreter_is_refused_like_pip()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;

        var result = ShimProcessRunner.RunShim(
            user, ["pip", "install", "--user", fixture.Wheel.Path], fixture.ShimEnvironment(user, python));

        AssertRefusedLikePip(result, python);
    }

    [LinuxFact]
    public void Breaking_system_packages_with_the_flag_allows_the_user_install()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;

        var result = ShimProcessRunner.RunShim(
            user,
            ["pip", "install", "--break-system-packages", fixture.Wheel.Path],
            fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--break-system-packages", fixture.Wheel.Path],
            UserSiteAssertions.WithoutSystemSitePins(result.SingleRecord.Arguments));
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [LinuxFact]
    public void Breaking_system_packages_with_the_environment_variable_allows_the_user_install()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;

        var result = ShimProcessRunner.RunShim(
            user,
            ["pip", "install", fixture.Wheel.Path],
            fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("UV_BREAK_SYSTEM_PACKAGES", "1")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, fixture.Wheel.Path],
            UserSiteAssertions.WithoutSystemSitePins(result.SingleRecord.Arguments));
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    /// <summary>Exit 2, pip's externally-managed-environment message with the marker's Error text, and uv never ran.</summary>
    private static void AssertRefusedLikePip(ProcessResult result, TestInterpreter python)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Records);
        Assert.Contains("externally-managed-environment", result.StandardError);
        foreach (var line in ExternallyManagedText.ErrorLines(python.ExternallyManagedMarker))
        {
            Assert.Contains(line, result.StandardError);
        }
    }
}
