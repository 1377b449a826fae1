using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// <c>list --user</c> and <c>freeze --user</c> in a venv that cannot see the user site (no system site-packages): pip
/// shows what of the user site is on sys.path, which is nothing (commands/list.py and freeze.py, <c>user_only</c>), and
/// exits 0. So does uvshim, even with packages in the user site; pip itself is the reference.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UserSiteNotVisibleSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    public static TheoryData<string[]> Views => new()
    {
        new[] { "list", "--user" },
        new[] { "list", "--user", "--format", "json" },
        new[] { "list", "--user", "--format", "freeze" },
        new[] { "freeze", "--user" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void The_user_view_is_empty_and_succeeds(string[] view)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var (python, venv) = VenvWithAUserSitePackage(user);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", .. view], Environments.Activated(fixture.ShimEnvironment(user, python), venv, python));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(view.Contains("json") ? "[]\n" : "", result.StandardOutput);
        Assert.DoesNotContain("uvshim:", result.StandardError);
        Assert.Empty(result.Records);
    }

    [PipReferenceTheory]
    [MemberData(nameof(Views))]
    public void The_user_view_is_what_pip_shows(string[] view)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var (python, venv) = VenvWithAUserSitePackage(user);
        var environment = Environments.Activated(fixture.ShimEnvironment(user, python), venv, python);

        // Act
        var pip = PipReference.Run(user, Environments.Python(venv), view, environment);
        var shim = ShimProcessRunner.RunShim(user, ["pip", .. view], environment);

        // Assert
        Assert.Equal(pip.ExitCode, shim.ExitCode);
        Assert.Equal(pip.StandardOutput, shim.StandardOutput);
    }

    [Fact]
    public void Show_user_finds_nothing_there_as_uv_finds_nothing_in_an_empty_site()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var (python, venv) = VenvWithAUserSitePackage(user);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "show", "--user", fixture.Wheel.Name], Environments.Activated(fixture.ShimEnvironment(user, python), venv, python));

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("warning: Package(s) not found for: uvshim-demo\n", result.StandardError);
        Assert.Empty(result.Records);
    }

    /// <summary>Debian's python3 with the test wheel in the user's site, and a venv of it without system site-packages.</summary>
    private (TestInterpreter Python, string Venv) VenvWithAUserSitePackage(TestUser user)
    {
        var python = IntegrationFixture.DebianPython;
        var installed = ShimProcessRunner.RunShim(user, ["pip", "install", "--user", "--break-system-packages", "--no-index", fixture.Wheel.Path],
            fixture.ShimEnvironment(user, python));
        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.True(Directory.Exists(Path.Combine(python.UserSitePackages(user), fixture.Wheel.ImportName)));
        return (python, Environments.CreateOwnVenv(user, python));
    }
}
