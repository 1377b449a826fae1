using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// Everything uvshim does not rewrite reaches uv untouched: the same argv bytes, the same process (exec, same PID),
/// uv's exit code, uv's output, and the environment. Run as the unprivileged user, with an unwritable system
/// Python first on PATH (the setting in which installs would be rewritten).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PassThroughSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    public static TheoryData<string[]> HandedOverUnchanged =>
    [
        ["run", "python", "-c", "1"],
        ["--version"],
        ["pip", "compile", "requirements.in", "-o", "x.txt"],
        ["lock"],
        ["run", "--no-project", "--", "python", "-c", "import sys; sys.exit(sys.argv[1:] != ['a  b', '', 'it\\'s a \"quoted\" thing', 'ünïcødé ✓ 日本'])", "a  b", "", "it's a \"quoted\" thing", "ünïcødé ✓ 日本"],
    ];

    [LinuxTheory]
    [MemberData(nameof(HandedOverUnchanged))]
    public void A_command_that_is_not_an_install_reaches_uv_byte_for_byte_in_the_same_process(string[] arguments)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var project = ProjectDirectory(user);

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy), project);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        var record = result.SingleRecord;
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), record.ArgumentBytes);
        Assert.Equal(result.ProcessId, record.ProcessId);
        Assert.Equal(project, record.WorkingDirectory);
        Assert.Equal(arguments is ["--version"] ? ShimBinaries.FakeUvVersion + "\n" : "", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [LinuxTheory]
    [MemberData(nameof(HandedOverUnchanged))]
    public void The_exit_code_of_uv_is_the_exit_code_of_uvshim(string[] arguments)
    {
        using var user = TestUser.CreateUnprivileged();

        var result = ShimProcessRunner.RunShim(
            user, arguments, fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, ("FAKE_UV_EXIT", "3")), ProjectDirectory(user));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
    }

    [LinuxFact]
    public void The_environment_reaches_uv_unchanged_apart_from_uvshims_own_variables()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var environment = fixture.ShimEnvironment(
            user,
            TestInterpreters.UnwritableCopy,
            ("GREETING", "grüße ✓ 日本"),
            ("WITH_EQUALS", "a=b=c"),
            ("EMPTY", ""),
            ("SPACED", "  two  spaces  "),
            ("UV_CACHE_DIR", Path.Combine(user.Home, "uv-cache")));

        // Act
        var result = ShimProcessRunner.RunShim(user, ["lock", "--offline"], environment, ProjectDirectory(user));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        var received = result.SingleRecord.Environment;
        foreach (var (name, value) in result.Environment)
        {
            Assert.True(received.TryGetValue(name, out var got), $"{name} did not reach uv");
            Assert.Equal(value, got);
        }
        Assert.All(received.Keys.Except(result.Environment.Keys), name => Assert.StartsWith("UVSHIM_", name));
    }

    [LinuxFact]
    public void Uv_starts_with_the_default_SIGPIPE_disposition()
    {
        using var user = TestUser.CreateUnprivileged();
        var probe = fixture.Binaries.FakeUvBehindSignalProbe
            ?? throw new InvalidOperationException("perl is not on PATH, so there is no signal probe in front of the fake uv.");
        var environment = fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, ("UVSHIM_UV", probe));

        var result = ShimProcessRunner.RunShim(user, ["lock"], environment, ProjectDirectory(user));

        // The test host is .NET, so uvshim itself starts with SIGPIPE ignored; uv must not inherit that.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(result.SingleRecord.SigpipeIgnoredAtExec, "SIGPIPE was still ignored when uv started");
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
    }

    [LinuxFact]
    public void Without_UVSHIM_UV_the_first_uv_on_PATH_is_the_one_that_runs()
    {
        using var user = TestUser.CreateUnprivileged();
        var environment = user.Environment(IntegrationFixture.PathWith(TestInterpreters.UnwritableCopy, fixture.Binaries.UvDirectory));

        var result = ShimProcessRunner.RunShim(user, ["lock"], environment, ProjectDirectory(user));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["lock"], result.SingleRecord.Arguments);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
    }

    private static string ProjectDirectory(TestUser user)
    {
        var project = user.CreateDirectory("project");
        user.WriteFile(Path.Combine(project, "requirements.in"), "uvshim-demo\n");
        return project;
    }
}
