using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// With an active virtual environment uv installs there, which the user can write: nothing to rewrite. <c>--user</c> there
/// goes as pip's goes: refused in a venv without system site-packages (the user site is not visible in it), into the user
/// site in one with them. The venvs are made by the unwritable copy's own <c>venv</c> module (<c>--without-pip</c>: no
/// ensurepip, which Debian ships apart in python3-venv).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class VirtualEnvironmentSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [LinuxFact]
    public void An_install_into_the_active_virtual_environment_is_handed_over_unchanged()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Path.Combine(user.Home, "venv");
        var created = ShimProcessRunner.Run(user, python.Executable, ["-m", "venv", "--without-pip", venv], user.Environment(IntegrationFixture.PathWith(python)));
        Assert.True(created.ExitCode == 0, created.ToString());
        var environment = fixture.ShimEnvironment(user, python, ("VIRTUAL_ENV", venv));
        environment["PATH"] = IntegrationFixture.PathWith(null, Path.Combine(venv, "bin"), python.BinDirectory);
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        Assert.DoesNotContain("Defaulting to user installation", result.StandardError);
        Assert.True(Directory.Exists(Path.Combine(venv, "lib", $"python{python.MajorMinor}", "site-packages", fixture.Wheel.ImportName)));
        Assert.False(Directory.Exists(user.UserBase));
    }

    [LinuxFact]
    public void A_user_install_in_a_venv_without_system_site_packages_is_refused_as_pip_refuses_it()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var (python, venv) = CreateVenv(user);
        string[] arguments = ["pip", "install", "--user", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, VenvEnvironment(user, python, venv));

        // Assert
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Records);
        Assert.Contains("uvshim: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.", result.StandardError);
        Assert.False(Directory.Exists(user.UserBase));
    }

    [LinuxFact]
    public void A_user_install_in_a_venv_with_system_site_packages_goes_to_the_user_site_which_the_venv_sees()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var (python, venv) = CreateVenv(user, "--system-site-packages");
        var venvPython = Path.Combine(venv, "bin", "python3");

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--user", "--no-index", fixture.Wheel.Path], VenvEnvironment(user, python, venv));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", venvPython, "--no-index", fixture.Wheel.Path], result.SingleRecord.Arguments);
        Assert.True(File.Exists(Path.Combine(python.UserSitePackages(user), fixture.Wheel.ImportName, "__init__.py")), result.ToString());
        Assert.False(Directory.Exists(Path.Combine(venv, "lib", $"python{python.MajorMinor}", "site-packages", fixture.Wheel.ImportName)));
        var imported = ShimProcessRunner.Run(user, venvPython, ["-c", $"import {fixture.Wheel.ImportName}; print({fixture.Wheel.ImportName}.GREETING)"], user.Environment());
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal(fixture.Wheel.Greeting, imported.StandardOutput.Trim());
    }

    private static (TestInterpreter Python, string Venv) CreateVenv(TestUser user, params string[] options)
    {
        var python = TestInterpreters.UnwritableCopy;
        var venv = Path.Combine(user.Home, "venv");
        var created = ShimProcessRunner.Run(user, python.Executable, ["-m", "venv", "--without-pip", .. options, venv], user.Environment(IntegrationFixture.PathWith(python)));
        Assert.True(created.ExitCode == 0, created.ToString());
        return (python, venv);
    }

    private Dictionary<string, string> VenvEnvironment(TestUser user, TestInterpreter python, string venv)
    {
        var environment = fixture.ShimEnvironment(user, python, ("VIRTUAL_ENV", venv));
        environment["PATH"] = IntegrationFixture.PathWith(null, Path.Combine(venv, "bin"), python.BinDirectory);
        return environment;
    }
}
