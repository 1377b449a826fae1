using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>SPEC §6: the probe cache, seen from outside through uvshim's debug log.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProbeCacheSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string Hit = "uvshim: debug: probe cache: hit";

    private ProcessResult Install(TestUser user, params (string, string)[] extra) =>
        ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path],
            fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, [("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_LOG_LEVEL", "debug"), .. extra]));

    private static string CacheDirectory(TestUser user) => Path.Combine(user.Home, ".cache", "uvshim");

    [LinuxFact]
    public void The_second_run_is_answered_from_the_cache_and_writes_one_entry()
    {
        using var user = TestUser.CreateUnprivileged();

        var first = Install(user);
        var second = Install(user);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        Assert.DoesNotContain(Hit, first.StandardError);
        Assert.Contains(Hit, second.StandardError);
        Assert.Equal(first.SingleRecord.Arguments, second.SingleRecord.Arguments);
        Assert.Single(Directory.GetFiles(CacheDirectory(user)));
    }

    [LinuxFact]
    public void A_different_PYTHONUSERBASE_is_a_miss_and_the_install_follows_it()
    {
        using var user = TestUser.CreateUnprivileged();
        var otherBase = user.CreateDirectory("other-base");

        Install(user);
        var moved = Install(user, ("PYTHONUSERBASE", otherBase));

        Assert.True(moved.ExitCode == 0, moved.ToString());
        Assert.DoesNotContain(Hit, moved.StandardError);
        Assert.Equal(["pip", "install", "--prefix", otherBase], moved.SingleRecord.Arguments.Take(4));
    }

    [LinuxFact]
    public void A_changed_interpreter_is_a_miss()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        Install(user);
        File.SetLastWriteTimeUtc(RealExecutable(python.Executable), DateTime.UtcNow); // a new ctime, as an upgrade gives
        var after = Install(user);

        Assert.DoesNotContain(Hit, after.StandardError);
    }

    [RootFact("two identities: the test process and the user")]
    public void An_entry_owned_by_another_user_is_ignored_and_replaced()
    {
        using var user = TestUser.CreateUnprivileged();
        Install(user);
        var entry = Directory.GetFiles(CacheDirectory(user)).Single();
        File.Copy(entry, entry + ".copy");
        File.Delete(entry);
        File.Move(entry + ".copy", entry); // now owned by root, same content

        var run = Install(user);
        var again = Install(user);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(Hit, run.StandardError);
        Assert.Contains(Hit, again.StandardError);
    }

    private static string RealExecutable(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
