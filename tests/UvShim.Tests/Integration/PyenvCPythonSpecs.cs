using System.Runtime.Versioning;
using System.Text.Json;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// Extra coverage where pyenv is installed: the other specs copy Debian's python3, whose default scheme is Debian's
/// <c>posix_local</c>; these run the central cases against unwritable copies of pyenv's oldest and newest CPython 3.x
/// (<see cref="PyenvCPythons"/>), plain CPython builds with the upstream <c>posix_prefix</c> scheme and a shared libpython.
/// Without pyenv each reports Skipped, saying so.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PyenvCPythonSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string Defaulting = "uvshim: Defaulting to user installation because normal site-packages is not writeable";

    [LinuxTheory]
    [PyenvCPythons]
    public void A_system_install_into_an_unwritable_pyenv_CPython_goes_to_the_user_site_and_works_from_there(string version)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.PyenvCopy(version);
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path], environment);

        // Assert
        UserSiteAssertions.InstalledIntoUserBaseAsChild(result, user, python, fixture.Wheel);
        Assert.Contains(Defaulting, result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(python.SitePackages, fixture.Wheel.ImportName)));
    }

    [LinuxTheory]
    [PyenvCPythons]
    public void An_explicit_user_install_into_a_pyenv_CPython_goes_to_the_user_site(string version)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.PyenvCopy(version);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--user", "--no-index", fixture.Wheel.Path], fixture.ShimEnvironment(user, python));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--no-index", fixture.Wheel.Path],
            result.SingleRecord.Arguments);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [LinuxTheory]
    [PyenvCPythons]
    public void Doctor_reports_a_pyenv_CPythons_site_packages_user_site_and_layout(string version)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.PyenvCopy(version);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["shim", "doctor", "--json"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var system = json.RootElement.GetProperty("interpreters").EnumerateArray().Single(i => i.GetProperty("role").GetString() == "system");
        Assert.Equal(python.Executable, system.GetProperty("executable").GetString());
        var facts = system.GetProperty("python");
        Assert.Equal(python.Version, facts.GetProperty("version").GetString());
        Assert.Contains(python.SitePackages, facts.GetProperty("sitePackages").EnumerateArray().Select(p => p.GetString()));
        Assert.False(facts.GetProperty("sitePackagesWritable").GetBoolean());
        Assert.Equal(python.UserSitePackages(user), facts.GetProperty("userSite").GetString());
        Assert.Equal("prefix", facts.GetProperty("layout").GetProperty("kind").GetString());
        Assert.Equal("user-install", facts.GetProperty("install").GetProperty("outcome").GetString());
    }
}
