using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>With an active virtual environment uv installs there, which the user can write: nothing to rewrite.</summary>
[SupportedOSPlatform("linux")]
public sealed class VirtualEnvironmentSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
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
}
