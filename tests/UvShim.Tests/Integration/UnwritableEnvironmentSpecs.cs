using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// Environments the user activates but cannot write, as on shared images (JupyterHub-style): pip decides there as
/// anywhere else (commands/install.py <c>decide_user_install</c>): a venv that includes system site-packages has the
/// user site enabled, so an unwritable one falls back to it; so does a conda environment other than base, which Python
/// treats as a prefix of its own. uvshim does the same, with the layout and <c>--python</c> of that environment's
/// interpreter; a venv without system site-packages, or one the user can write, goes to uv unchanged.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UnwritableEnvironmentSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string Defaulting = "Defaulting to user installation because normal site-packages is not writeable";

    [Fact]
    public void An_unwritable_venv_with_system_site_packages_falls_back_to_the_user_site_which_the_venv_sees()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Environments.CreateSharedVenv(python, "--system-site-packages");
        var environment = Environments.Activated(fixture.ShimEnvironment(user, python), venv, python);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path], environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["pip", "install", "--prefix", user.UserBase, "--python", Environments.Python(venv), "--no-index", fixture.Wheel.Path],
            result.SingleRecord.Arguments);
        Assert.StartsWith("uvshim: " + Defaulting + "\n", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(Environments.SitePackages(venv, python), fixture.Wheel.ImportName)));
        var imported = ShimProcessRunner.Run(user, Environments.Python(venv), ["-c", $"import {fixture.Wheel.ImportName} as m; print(m.__file__)"], user.Environment());
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.StartsWith(python.UserSitePackages(user), imported.StandardOutput.Trim());
    }

    [PipReferenceFact]
    public void In_an_unwritable_venv_with_system_site_packages_the_files_land_where_pips_land()
    {
        // Arrange: Debian's python3 and a venv of it that includes system site-packages, so pip is in it as on Debian.
        var python = IntegrationFixture.DebianPython;
        var venv = Environments.CreateSharedVenv(python, "--system-site-packages");
        using var pipUser = TestUser.CreateUnprivileged();
        using var shimUser = TestUser.CreateUnprivileged();

        // Act
        var pip = ShimProcessRunner.Run(pipUser, Environments.Python(venv), ["-m", "pip", "install", "--no-index", fixture.Wheel.Path],
            Environments.Activated(pipUser.Environment(), venv, python));
        var shim = ShimProcessRunner.RunShim(shimUser, ["pip", "install", "--no-index", fixture.Wheel.Path],
            Environments.Activated(fixture.ShimEnvironment(shimUser, python), venv, python));

        // Assert: the same decision in the same words (pip prints it on stdout), the same files under each user's base.
        Assert.True(pip.ExitCode == 0, pip.ToString());
        Assert.True(shim.ExitCode == 0, shim.ToString());
        Assert.StartsWith(Defaulting + "\n", pip.StandardOutput);
        Assert.StartsWith("uvshim: " + Defaulting + "\n", shim.StandardError);
        var expected = PipReference.InstalledFiles(pipUser.UserBase);
        Assert.Contains(Path.Combine("lib", $"python{python.MajorMinor}", "site-packages", fixture.Wheel.ImportName, "__init__.py"), expected);
        Assert.Equal(expected, PipReference.InstalledFiles(shimUser.UserBase));
        Assert.False(Directory.Exists(Path.Combine(Environments.SitePackages(venv, python), fixture.Wheel.ImportName)));
    }

    [Fact]
    public void A_venv_with_system_site_packages_that_the_user_can_write_is_installed_into_unchanged()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Environments.CreateOwnVenv(user, python, "--system-site-packages");
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, Environments.Activated(fixture.ShimEnvironment(user, python), venv, python));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.DoesNotContain("uvshim:", result.StandardError);
        Assert.True(Directory.Exists(Path.Combine(Environments.SitePackages(venv, python), fixture.Wheel.ImportName)));
        Assert.False(Directory.Exists(user.UserBase));
    }

    [Fact]
    public void An_unwritable_venv_without_system_site_packages_goes_to_uv_unchanged_as_pip_would_not_fall_back()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Environments.CreateSharedVenv(python);
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, Environments.Activated(fixture.ShimEnvironment(user, python), venv, python));

        // Assert: uv's own permission error, as pip's would be.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.DoesNotContain("uvshim:", result.StandardError);
        Assert.False(Directory.Exists(user.UserBase));
    }

    [Fact]
    public void An_unwritable_conda_environment_other_than_base_falls_back_to_the_user_site()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var conda = Environments.CreateSharedCondaEnvironment();
        try
        {
            var environment = Environments.CondaActivated(fixture.ShimEnvironment(user, null), conda.Prefix);

            // Act
            var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path], environment);

            // Assert
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(
                ["pip", "install", "--prefix", user.UserBase, "--python", conda.Executable, "--no-index", fixture.Wheel.Path],
                result.SingleRecord.Arguments);
            Assert.StartsWith("uvshim: " + Defaulting + "\n", result.StandardError);
            UserSiteAssertions.InstalledForUser(user, conda, fixture.Wheel);
        }
        finally
        {
            TestRunDirectory.DeleteTree(conda.Prefix);
        }
    }

    [Fact]
    public void Explain_says_why_the_unwritable_venv_falls_back()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Environments.CreateSharedVenv(python, "--system-site-packages");

        // Act
        var result = ShimProcessRunner.RunShim(user, ["shim", "explain", "pip", "install", "x"], Environments.Activated(fixture.ShimEnvironment(user, python), venv, python));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"interpreter:   {Environments.Python(venv)} (virtual environment; VIRTUAL_ENV)", result.StandardOutput);
        Assert.Contains("(not writable)", result.StandardOutput);
        Assert.Contains("decision:      user install: site-packages not writeable", result.StandardOutput);
        Assert.Contains($"--prefix {user.UserBase} --python {Environments.Python(venv)}", result.StandardOutput);
    }
}
