using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>SPEC §6: notes, quiet mode, debug logging and the log file.</summary>
[SupportedOSPlatform("linux")]
public sealed class MessagesSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string Defaulting = "uvshim: Defaulting to user installation because normal site-packages is not writeable";

    [LinuxFact]
    public void Quiet_silences_the_defaulting_note_but_not_the_rewrite()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "-q", "--no-index", fixture.Wheel.Path],
            fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("uvshim:", result.StandardError);
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "-q", "--no-index", fixture.Wheel.Path],
            result.SingleRecord.Arguments);
    }

    [LinuxFact]
    public void Debug_logging_shows_each_step_of_the_decision_on_stderr_and_in_the_log_file()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var log = Path.Combine(user.CreateDirectory("logs"), "uvshim.log");

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path],
            fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_LOG_LEVEL", "debug"), ("UVSHIM_LOG_FILE", log)));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Defaulting, result.StandardError);
        foreach (var step in new[] { "interpreter: " + python.Executable, "site-packages: ", "decision: user install: site-packages not writeable", "layout: --prefix " + user.UserBase })
        {
            Assert.Contains("uvshim: debug: " + step, result.StandardError);
            Assert.Contains("[DBG] ", File.ReadAllText(log));
            Assert.Contains(step, File.ReadAllText(log));
        }
    }

    [LinuxFact]
    public void At_the_default_level_a_hand_over_prints_nothing_of_uvshims_own()
    {
        using var user = TestUser.CreateUnprivileged();

        var result = ShimProcessRunner.RunShim(user, ["pip", "compile", "requirements.in"], fixture.ShimEnvironment(user, null));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("uvshim", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }
}
