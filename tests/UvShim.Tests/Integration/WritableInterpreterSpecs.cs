using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>Root on a system Python it can write: no fallback, uv gets the command exactly as typed.</summary>
[SupportedOSPlatform("linux")]
public sealed class WritableInterpreterSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [RootFact("only root has a writable system interpreter here")]
    public void Root_installing_into_a_writable_system_interpreter_is_handed_over_unchanged()
    {
        // Arrange
        using var root = TestUser.CreateCurrent();
        var python = TestInterpreters.WritableCopy;
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(root, arguments, fixture.ShimEnvironment(root, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        Assert.DoesNotContain("Defaulting to user installation", result.StandardError);
        Assert.True(Directory.Exists(Path.Combine(python.SitePackages, fixture.Wheel.ImportName)));
        Assert.False(Directory.Exists(root.UserBase));
    }
}
