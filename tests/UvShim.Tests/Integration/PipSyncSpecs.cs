using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// <c>uv pip sync</c> into an unwritable system interpreter: a sync to the user site would remove every other user
/// package (uv syncs exactly what it scans, and under <c>--prefix</c> that is the whole user site), so uvshim does not
/// fall back on its own; it refuses and says to add <c>--user</c>, which it then honours.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PipSyncSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static string Requirements(TestUser user, string wheel)
    {
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, "reqs.txt"), wheel + "\n");
        return work;
    }

    [LinuxFact]
    public void A_system_sync_into_an_unwritable_interpreter_is_refused_and_asks_for_user()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = Requirements(user, fixture.Wheel.Path);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "sync", "reqs.txt"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")), work);

        // Assert
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Records);
        Assert.Contains("uvshim:", result.StandardError);
        Assert.Contains("--user", result.StandardError);
        Assert.False(Directory.Exists(python.UserSitePackages(user)));
    }

    [LinuxFact]
    public void A_sync_with_user_goes_to_uv_with_the_user_base_as_prefix()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = Requirements(user, fixture.Wheel.Path);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "sync", "--user", "reqs.txt"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")), work);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "sync", "--prefix", user.UserBase, "--python", python.Executable, "reqs.txt"], result.SingleRecord.Arguments);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }
}
