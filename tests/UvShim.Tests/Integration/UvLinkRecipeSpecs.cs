using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// The container recipe (README "In a container", examples/docker/Dockerfile): a directory holding <c>uv</c>, a link to
/// uvshim, ahead of the real uv on PATH, and no UVSHIM_UV. Everything that types <c>uv</c> gets uvshim, which finds the
/// real uv as the next <c>uv</c> on PATH that is not itself.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UvLinkRecipeSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [LinuxTheory]
    [MemberData(nameof(PassThroughSpecs.HandedOverUnchanged), MemberType = typeof(PassThroughSpecs))]
    public void Through_the_uv_link_a_pass_through_reaches_the_real_uv_byte_for_byte(string[] arguments)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var link = UvLink(user);
        var environment = RecipeEnvironment(user, link, TestInterpreters.UnwritableCopy.BinDirectory, fixture.Binaries.UvDirectory);
        var project = user.CreateDirectory("project");

        // Act
        var result = ShimProcessRunner.Run(user, link, arguments, environment, project);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        var record = result.SingleRecord;
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), record.ArgumentBytes);
        Assert.Equal(result.ProcessId, record.ProcessId);
        Assert.Equal(arguments is ["--version"] ? ShimBinaries.FakeUvVersion + "\n" : "", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [LinuxFact]
    public void Through_the_uv_link_an_install_into_the_unwritable_system_Python_goes_to_the_user_base()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var link = UvLink(user);
        var environment = RecipeEnvironment(user, link, python.BinDirectory, fixture.Binaries.UvDirectory);
        environment["UV_SYSTEM_PYTHON"] = "1";

        // Act
        var result = ShimProcessRunner.Run(user, link, ["pip", "install", "--no-index", fixture.Wheel.Path], environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--no-index", fixture.Wheel.Path],
            result.SingleRecord.Arguments);
        Assert.NotEqual(result.ProcessId, result.SingleRecord.ProcessId); // the scripts directory is off PATH: uv runs as uvshim's child, to name the script afterwards
        Assert.Contains("uvshim: Defaulting to user installation because normal site-packages is not writeable", result.StandardError);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [LinuxFact]
    public void When_the_only_uv_on_PATH_is_the_link_to_uvshim_it_stops_with_a_clear_error_and_runs_nothing()
    {
        using var user = TestUser.CreateUnprivileged();
        var link = UvLink(user);
        var secondLink = UvLink(user);
        var environment = RecipeEnvironment(user, link, Path.GetDirectoryName(secondLink)!);

        var result = ShimProcessRunner.Run(user, link, ["lock"], environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("uvshim: the only uv on PATH is uvshim itself; set UVSHIM_UV to the real uv, or install uv so that it is on PATH "
            + "(curl -LsSf https://astral.sh/uv/install.sh | sh, or pipx install uv)\n", result.StandardError);
        Assert.Equal("", result.StandardOutput);
        Assert.Empty(result.Records);
    }

    [LinuxFact]
    public void Doctor_through_the_link_shows_that_uvshim_stands_in_front_of_the_real_uv()
    {
        using var user = TestUser.CreateUnprivileged();
        var link = UvLink(user);
        var realUv = Path.Combine(fixture.Binaries.UvDirectory, "uv");
        var environment = RecipeEnvironment(user, link, TestInterpreters.UnwritableCopy.BinDirectory, fixture.Binaries.UvDirectory);

        var result = ShimProcessRunner.Run(user, link, ["shim", "doctor"], environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"  path                  {realUv}\n", result.StandardOutput);
        Assert.Contains("  found as              the first uv on PATH that is not uvshim\n", result.StandardOutput);
        Assert.Contains($"  uv on PATH            {link} (this uvshim), {realUv}\n", result.StandardOutput);
    }

    /// <summary>A new directory of the user's holding <c>uv</c>, a symbolic link to the uvshim under test.</summary>
    private string UvLink(TestUser user)
    {
        var directory = user.CreateDirectory("shim-on-path");
        var link = Path.Combine(directory, "uv");
        File.CreateSymbolicLink(link, fixture.Binaries.Shim);
        return link;
    }

    /// <summary>HOME, TMPDIR and a PATH of exactly the link's directory, then <paramref name="laterDirectories"/>: no UVSHIM_UV.</summary>
    private Dictionary<string, string> RecipeEnvironment(TestUser user, string link, params string[] laterDirectories)
    {
        var environment = user.Environment(string.Join(':', [Path.GetDirectoryName(link)!, .. laterDirectories]));
        foreach (var (name, value) in fixture.Binaries.RuntimeEnvironment)
            environment[name] = value;
        return environment;
    }
}
