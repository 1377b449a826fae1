using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// pip's own install options that uv does not have (pip 26 commands/install.py): <c>--no-user</c> is a non-user install
/// by explicit request, so no fallback and no note, and it never reaches uv; <c>--root</c> is not decided as if it were
/// absent but goes to uv as typed, which reports it; <c>--no-warn-script-location</c> never reaches uv. Against the strict
/// fake uv, which rejects what uv 0.12.5 rejects.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PipOptionSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public void No_user_on_an_unwritable_system_python_is_no_fallback_and_uv_never_sees_it()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-user", "--no-index", fixture.Wheel.Path], environment);

        // Assert: uv tries the system site-packages, as pip does, and fails there as pip would.
        Assert.Equal(["pip", "install", "--no-index", fixture.Wheel.Path], result.SingleRecord.Arguments);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        Assert.DoesNotContain("uvshim:", result.StandardError);
        Assert.Contains("Permission denied", result.StandardError);
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(Directory.Exists(user.UserBase));
    }

    [Fact]
    public void No_user_and_no_warn_script_location_in_a_venv_install_are_taken_out_and_the_install_succeeds()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Environments.CreateOwnVenv(user, python);
        var environment = Environments.Activated(fixture.ShimEnvironment(user, python), venv, python);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-warn-script-location", "--no-user", "--no-index", fixture.Wheel.Path], environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "install", "--no-index", fixture.Wheel.Path], result.SingleRecord.Arguments);
        Assert.DoesNotContain("uvshim:", result.StandardError);
        Assert.True(Directory.Exists(Path.Combine(Environments.SitePackages(venv, python), fixture.Wheel.ImportName)));
    }

    [Fact]
    public void The_last_of_user_and_no_user_wins_and_neither_reaches_uv()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        // Act
        var nonUser = ShimProcessRunner.RunShim(user, ["pip", "install", "--user", "--no-user", "--no-index", fixture.Wheel.Path], environment);
        var userInstall = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-user", "--user", "--no-index", fixture.Wheel.Path], environment);

        // Assert
        Assert.Equal(["pip", "install", "--no-index", fixture.Wheel.Path], nonUser.SingleRecord.Arguments);
        Assert.True(userInstall.ExitCode == 0, userInstall.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--no-index", fixture.Wheel.Path], userInstall.SingleRecord.Arguments);
        Assert.DoesNotContain("Defaulting", userInstall.StandardError);
    }

    [Theory]
    [InlineData("--root", "ROOT")]
    [InlineData("--root=ROOT")]
    public void Root_goes_to_uv_as_typed_and_uv_reports_it(params string[] root)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var rootDirectory = user.CreateDirectory("root");
        string[] arguments = ["pip", "install", .. root.Select(r => r.Replace("ROOT", rootDirectory, StringComparison.Ordinal)), "--no-warn-script-location", "--no-index", fixture.Wheel.Path];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        Assert.StartsWith("error: unexpected argument '--root' found", result.StandardError);
        Assert.DoesNotContain("uvshim:", result.StandardError);
        Assert.False(Directory.Exists(user.UserBase));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rootDirectory));
    }

    [Fact]
    public void No_warn_script_location_is_taken_out_of_an_install_that_is_not_rewritten()
    {
        // Arrange: a root install into a writable copy goes to uv as it is but for pip's option.
        using var root = TestUser.CreateCurrent();
        var python = TestInterpreters.CreatePrivateWritableCopy("no-warn");
        try
        {
            var environment = fixture.ShimEnvironment(root, python, ("UV_SYSTEM_PYTHON", "1"));

            // Act
            var result = ShimProcessRunner.RunShim(root, ["pip", "install", "--no-index", "--no-warn-script-location", fixture.Wheel.Path], environment);

            // Assert
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(["pip", "install", "--no-index", fixture.Wheel.Path], result.SingleRecord.Arguments);
            Assert.DoesNotContain("uvshim:", result.StandardError);
        }
        finally
        {
            TestRunDirectory.DeleteTree(python.Prefix);
        }
    }
}
