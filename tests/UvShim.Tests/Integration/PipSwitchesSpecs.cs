using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// pip's own switches, <c>PIP_USER</c>, <c>PIP_BREAK_SYSTEM_PACKAGES</c> and pip.conf's <c>user</c> and
/// <c>break-system-packages</c>, decide as they decide pip's install, under "never worse than uv alone": a
/// <c>PIP_USER=1</c> left in an image does not break an install into a venv, where pip itself would refuse it.
/// <c>shim explain</c> and <c>shim doctor</c> name what set each.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PipSwitchesSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public void PIP_USER_asks_for_the_user_site_as_an_explicit_request_so_without_a_note()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        // Act: no venv and no --system, as with pip's own pip.
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path], fixture.ShimEnvironment(user, python, ("PIP_USER", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--no-index", fixture.Wheel.Path], result.SingleRecord.Arguments);
        Assert.DoesNotContain("Defaulting", result.StandardError);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [Fact]
    public void PIP_USER_left_in_an_image_does_not_break_an_install_into_a_venv()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Environments.CreateOwnVenv(user, python);
        var environment = Environments.Activated(fixture.ShimEnvironment(user, python, ("PIP_USER", "1")), venv, python);
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, environment);
        var explained = ShimProcessRunner.RunShim(user, ["shim", "explain", .. arguments], environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.True(Directory.Exists(Path.Combine(Environments.SitePackages(venv, python), fixture.Wheel.ImportName)));
        Assert.Contains("user request:  PIP_USER=1 not followed: pip would refuse it (Can not perform a '--user' install. User site-packages are not visible in this virtualenv.)", explained.StandardOutput);
    }

    [PipReferenceFact]
    public void Pip_itself_refuses_that_venv_install()
    {
        // The reference for the spec above: pip stops where uv alone (and so uvshim) installs.
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        var venv = Environments.CreateOwnVenv(user, python);

        var pip = PipReference.Run(user, Environments.Python(venv), ["install", "--no-index", fixture.Wheel.Path],
            Environments.Activated(user.Environment(), venv, python).With("PIP_USER", "1"));

        Assert.Equal(1, pip.ExitCode);
        Assert.Contains("Can not perform a '--user' install. User site-packages are not visible in this virtualenv.", pip.StandardError);
    }

    [Fact]
    public void PIP_USER_0_and_user_false_in_pip_conf_are_non_user_installs_without_a_fallback()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        WritePipConf(user, "[install]\nuser = false\n");
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var fromEnvironment = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("PIP_USER", "0")));
        var fromFile = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert: uv tries the system site-packages, as pip would.
        foreach (var result in new[] { fromEnvironment, fromFile })
        {
            Assert.Equal(arguments, result.SingleRecord.Arguments);
            Assert.DoesNotContain("uvshim:", result.StandardError);
            Assert.Contains("Permission denied", result.StandardError);
        }
        Assert.False(Directory.Exists(Path.Combine(user.UserBase, "lib")));
    }

    [Fact]
    public void User_true_in_the_users_pip_conf_is_followed_and_explain_names_the_file()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var pipConf = WritePipConf(user, "[global]\nuser = yes\n");
        var environment = fixture.ShimEnvironment(user, python);
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, environment);
        var explained = ShimProcessRunner.RunShim(user, ["shim", "explain", .. arguments], environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--no-index", fixture.Wheel.Path], result.SingleRecord.Arguments);
        Assert.Contains($"user request:  user install asked for by user = yes in {pipConf} [global]", explained.StandardOutput);
    }

    [Fact]
    public void PIP_BREAK_SYSTEM_PACKAGES_lets_the_user_install_on_an_externally_managed_python_and_explain_names_it()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("PIP_BREAK_SYSTEM_PACKAGES", "1"));
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, environment);
        var explained = ShimProcessRunner.RunShim(user, ["shim", "explain", .. arguments], environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--no-index", fixture.Wheel.Path], UserSiteAssertions.WithoutSystemSitePins(result.SingleRecord.Arguments));
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
        Assert.Contains($"PEP 668:       externally managed ({python.ExternallyManagedMarker}); overridden by PIP_BREAK_SYSTEM_PACKAGES=1", explained.StandardOutput);
    }

    [PipReferenceFact]
    public void Break_system_packages_in_pip_conf_puts_the_files_where_pip_puts_them()
    {
        // Arrange
        var python = IntegrationFixture.DebianPython;
        using var pipUser = TestUser.CreateUnprivileged();
        using var shimUser = TestUser.CreateUnprivileged();
        WritePipConf(pipUser, "[install]\nbreak-system-packages = true\n");
        WritePipConf(shimUser, "[install]\nbreak-system-packages = true\n");

        // Act
        var pip = PipReference.Run(pipUser, python.Executable, ["install", "--no-index", fixture.Wheel.Path], pipUser.Environment());
        var shim = ShimProcessRunner.RunShim(shimUser, ["pip", "install", "--no-index", fixture.Wheel.Path], fixture.ShimEnvironment(shimUser, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(pip.ExitCode == 0, pip.ToString());
        Assert.True(shim.ExitCode == 0, shim.ToString());
        Assert.Contains("Defaulting to user installation because normal site-packages is not writeable", pip.StandardOutput);
        Assert.Contains("uvshim: Defaulting to user installation because normal site-packages is not writeable", shim.StandardError);
        var expected = PipReference.InstalledFiles(pipUser.UserBase).Where(f => !f.StartsWith(".config", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, PipReference.InstalledFiles(shimUser.UserBase).Where(f => !f.StartsWith(".config", StringComparison.Ordinal)));
    }

    [Fact]
    public void Doctor_shows_pips_configuration_and_what_set_each_switch()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        var pipConf = WritePipConf(user, "[install]\nbreak-system-packages = on\n");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("PIP_USER", "true"));

        // Act
        var text = ShimProcessRunner.RunShim(user, ["shim", "doctor"], environment);
        var json = ShimProcessRunner.RunShim(user, ["shim", "doctor", "--json"], environment);

        // Assert
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("pip configuration\n", text.StandardOutput);
        Assert.Contains($"{pipConf} (read)", text.StandardOutput);
        Assert.Contains("  user                  true (from PIP_USER=true)\n", text.StandardOutput);
        Assert.Contains($"  break-system-packages true (from break-system-packages = on in {pipConf} [install])\n", text.StandardOutput);
        Assert.Contains($"; overridden by break-system-packages = on in {pipConf} [install]", text.StandardOutput);
        Assert.Contains("    pip install         into the user site: user install by explicit request\n"
            + "      user request      user install asked for by PIP_USER=true\n"
            + $"      layout            --prefix {user.UserBase} ", text.StandardOutput);
        using var document = JsonDocument.Parse(json.StandardOutput);
        var pip = document.RootElement.GetProperty("pipConfig");
        Assert.Contains(pipConf, pip.GetProperty("filesRead").EnumerateArray().Select(f => f.GetString()));
        Assert.True(pip.GetProperty("user").GetProperty("value").GetBoolean());
        Assert.Equal("PIP_USER=true", pip.GetProperty("user").GetProperty("source").GetString());
        var system = document.RootElement.GetProperty("interpreters").EnumerateArray().Single(i => i.GetProperty("role").GetString() == "system");
        Assert.Equal($"break-system-packages = on in {pipConf} [install]", system.GetProperty("python").GetProperty("breakSystemPackagesSource").GetString());
    }

    /// <summary>The user's pip.conf (<c>~/.config/pip/pip.conf</c>), owned by the user.</summary>
    private static string WritePipConf(TestUser user, string text)
    {
        var directory = Path.Combine(user.Home, ".config", "pip");
        Directory.CreateDirectory(directory);
        user.GiveOwnership(Path.Combine(user.Home, ".config"));
        var file = user.WriteFile(Path.Combine(directory, "pip.conf"), text);
        user.GiveOwnership(Path.Combine(user.Home, ".config"));
        return file;
    }

    // Debian's python has packages of its own, which uvshim pins through a private constraints file (SystemSitePins).
}
