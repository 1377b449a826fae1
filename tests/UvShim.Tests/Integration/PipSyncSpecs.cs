using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// <c>uv pip sync</c> into an unwritable system interpreter: a sync to the user site would remove every other user
/// package (uv syncs exactly what it scans, and under <c>--prefix</c> that is the whole user site), so uvshim does not
/// fall back on its own. uv gets the command as typed, after uvshim's line saying so and to add <c>--user</c>, which it
/// then honours: uv alone completes a sync with nothing to change, and fails with its own error otherwise.
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
    public void A_system_sync_into_an_unwritable_interpreter_goes_to_uv_as_typed_after_asking_for_user()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = Requirements(user, fixture.Wheel.Path);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "sync", "reqs.txt"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")), work);

        // Assert: the fake uv fails on the unwritable site-packages as uv does.
        Assert.Equal(["pip", "sync", "reqs.txt"], result.SingleRecord.Arguments);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("uvshim: Normal site-packages is not writeable, and `uv pip sync` into the user site would remove", result.StandardError);
        Assert.Contains("Add --user to sync the user site", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(python.SitePackages, fixture.Wheel.ImportName)));
        Assert.False(Directory.Exists(python.UserSitePackages(user)));
    }

    [LinuxFact]
    public void A_system_sync_with_nothing_to_change_completes_as_with_uv_alone()
    {
        // Arrange: every package of the unwritable system site-packages, at its version there.
        using var user = TestUser.CreateUnprivileged();
        var system = TestInterpreters.UnwritableCopyWithSystemPackages;
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, "reqs.txt"), string.Concat(system.Wheels.Select(w => w.Path + "\n")));
        var environment = fixture.ShimEnvironment(user, system.Python, ("UV_SYSTEM_PYTHON", "1"));

        // Act
        var alone = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["pip", "sync", "reqs.txt"], environment, work);
        var result = ShimProcessRunner.RunShim(user, ["pip", "sync", "reqs.txt"], environment, work);

        // Assert
        Assert.True(alone.ExitCode == 0, alone.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "sync", "reqs.txt"], result.SingleRecord.Arguments);
        Assert.False(Directory.Exists(system.Python.UserSitePackages(user)));
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
