using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// The unprivileged user with its own HOME and a system Python it cannot write (a root-owned, or read-only,
/// copy of Debian's python3 without its EXTERNALLY-MANAGED marker, first on PATH): uvshim falls back to the user site as pip does.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UnwritableInterpreterSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string Defaulting = "Defaulting to user installation because normal site-packages is not writeable";

    [LinuxFact]
    public void A_system_install_into_an_unwritable_interpreter_is_redirected_to_the_user_base()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path], environment);

        // Assert
        UserSiteAssertions.InstalledIntoUserBaseAsChild(result, user, python, fixture.Wheel);
        Assert.Contains(Defaulting, result.StandardError);
        Assert.Contains(" + uvshim-demo==1.0", result.StandardError);
    }

    [LinuxFact]
    public void With_stderr_redirected_to_a_file_the_note_and_uvs_output_both_survive_in_order()
    {
        // Arrange: like `uv pip install … 2>log` (a regular file, opened without O_APPEND), via perl: no shell.
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var log = Path.Combine(user.CreateDirectory("logs"), "stderr.log");
        var perl = ExecutableLookup.Require("perl");
        const string RedirectThenExec = "open(STDERR, '>', shift) or die \"$!\\n\"; exec { $ARGV[0] } @ARGV or die \"$!\\n\"";

        // Act
        var result = ShimProcessRunner.Run(
            user,
            perl,
            ["-e", RedirectThenExec, log, fixture.Binaries.Shim, "pip", "install", "--no-index", fixture.Wheel.Path],
            fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        var text = File.ReadAllText(log);
        var note = text.IndexOf(Defaulting, StringComparison.Ordinal);
        var installed = text.IndexOf(" + uvshim-demo==1.0", StringComparison.Ordinal);
        Assert.True(note >= 0 && installed > note, $"stderr file:\n{text}");
    }

    [LinuxFact]
    public void An_explicit_user_flag_is_removed_and_the_install_goes_to_the_user_base()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--user", "--no-index", fixture.Wheel.Path], environment);

        // Assert
        UserSiteAssertions.InstalledIntoUserBaseAsChild(result, user, python, fixture.Wheel);
    }
}
