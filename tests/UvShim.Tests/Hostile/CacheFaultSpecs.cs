using System.Runtime.Versioning;
using System.Text;
using UvShim.Cache;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;

namespace UvShim.Tests.Hostile;

/// <summary>
/// Issue "hostile input" §3: faults in the probe cache (<c>~/.cache/uvshim</c>, one <c>probe-*</c> file per interpreter
/// and environment) are ignored safely: the install is rewritten exactly as with a healthy cache, nothing is written where
/// it should not be, and a bad entry is replaced. uv is native-uv; the interpreter is the unwritable system Python.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CacheFaultSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string CacheHit = "uvshim: debug: probe cache: hit";

    private static string CacheOf(TestUser user) => Path.Combine(user.Home, ".cache", "uvshim");

    private static IReadOnlyList<string> Entries(string cache) =>
        Directory.Exists(cache) ? Directory.EnumerateFileSystemEntries(cache).Order(StringComparer.Ordinal).ToList() : [];

    private string[] Install => ["pip", "install", fixture.Wheel.Path];

    private IReadOnlyList<string> Rewritten(TestUser user, string userBase) =>
        ["pip", "install", "--prefix", userBase, "--python", TestInterpreters.UnwritableCopy.Executable, fixture.Wheel.Path];

    private NativeRunResult Run(TestUser user, string work, params (string, string)[] extra) =>
        NativeRun.Shim(user, Install,
            fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, [("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_LOG_LEVEL", "debug"), .. extra]), work);

    private void AssertRewritten(NativeRunResult run, TestUser user, string? userBase = null)
    {
        Assert.True(run.Process.ExitCode == 0, run.ToString());
        Assert.Equal(Rewritten(user, userBase ?? user.UserBase), run.Arguments);
        Assert.DoesNotContain("internal error", run.Process.StandardError);
    }

    /// <summary>A cold run, which leaves exactly one entry: its path.</summary>
    private string WarmUp(TestUser user, string work)
    {
        var cold = Run(user, work);
        AssertRewritten(cold, user);
        Assert.DoesNotContain(CacheHit, cold.Process.StandardError);
        return Assert.Single(Entries(CacheOf(user)));
    }

    /// <summary>An entry's key and output: after the header line, split at the first NUL.</summary>
    private static (string Key, string Output) Split(string path)
    {
        var text = File.ReadAllText(path);
        Assert.StartsWith("uvshim probe cache 1\n", text);
        var body = text[(text.IndexOf('\n') + 1)..];
        var nul = body.IndexOf('\0');
        return (body[..nul], body[(nul + 1)..]);
    }

    private static void AssertValidEntry(string path, string userBase)
    {
        var (key, output) = Split(path);
        Assert.StartsWith("probe=", key);
        Assert.StartsWith("probe=1\0", output);
        Assert.Contains("\0userbase=" + userBase + "\0", output);
    }

    public static TheoryData<string> Corruptions => ["garbage bytes", "truncated", "empty", "another key", "right key, garbage output", "oversized", "a directory", "a link to a valid entry"];

    [LinuxTheory]
    [MemberData(nameof(Corruptions))]
    public void A_corrupt_or_truncated_entry_is_ignored_and_replaced(string corruption)
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var entry = WarmUp(user, work);
        var valid = File.ReadAllBytes(entry);
        var elsewhere = Path.Combine(user.CreateDirectory("elsewhere"), "entry");
        File.Move(entry, elsewhere);
        switch (corruption)
        {
            case "garbage bytes": File.WriteAllBytes(entry, [0xff, 0x00, 0x7b, 0xfe, 0x22]); break;
            case "truncated": File.WriteAllBytes(entry, valid[..(valid.Length / 2)]); break;
            case "empty": File.WriteAllBytes(entry, []); break;
            case "another key": File.WriteAllBytes(entry, ProbeCacheEntry.Encode("probe=1\nsomething else\n", Split(elsewhere).Output)); break;
            case "right key, garbage output": File.WriteAllBytes(entry, ProbeCacheEntry.Encode(Split(elsewhere).Key, "garbage")); break;
            case "oversized": File.WriteAllBytes(entry, ProbeCacheEntry.Encode(Split(elsewhere).Key, Split(elsewhere).Output + new string(' ', 300 * 1024))); break;
            case "a directory": Directory.CreateDirectory(entry); break;
            default: File.CreateSymbolicLink(entry, elsewhere); break;
        }
        user.GiveOwnership(entry);

        var run = Run(user, work);

        AssertRewritten(run, user);
        Assert.DoesNotContain(CacheHit, run.Process.StandardError);
        if (corruption == "a directory")
        {
            Assert.True(Directory.Exists(entry)); // cannot be replaced, and need not be: every run just probes again
            return;
        }
        Assert.Null(new FileInfo(entry).LinkTarget);
        AssertValidEntry(entry, user.UserBase);
        if (corruption == "a link to a valid entry")
            Assert.Equal(valid, File.ReadAllBytes(elsewhere)); // the link was replaced, not written through
        Assert.Contains(CacheHit, Run(user, work).Process.StandardError);
    }

    [RootFact("only root can give the entry another owner")]
    public void An_entry_written_by_another_uid_is_ignored_even_when_its_key_matches()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var entry = WarmUp(user, work);
        // A poisoned entry: the right key, but a user base elsewhere (a directory the user could write, so it would be used).
        var poisoned = user.CreateDirectory("poisoned-base");
        var (key, output) = Split(entry);
        File.WriteAllBytes(entry, ProbeCacheEntry.Encode(key, output.Replace(user.UserBase, poisoned, StringComparison.Ordinal)));

        // Control: owned by the user, the entry is used (so the key matches and the poison would work).
        user.GiveOwnership(entry);
        AssertRewritten(Run(user, work), user, poisoned);

        // Owned by another uid (root here, the one that wrote it), it is ignored, and replaced by the user's own.
        Posix.ChangeOwner(entry, 0, 0);
        var run = Run(user, work);

        AssertRewritten(run, user);
        Assert.DoesNotContain(CacheHit, run.Process.StandardError);
        AssertValidEntry(entry, user.UserBase);
        Assert.Equal(user.Uid, Posix.Owner(entry));
    }

    public static TheoryData<string> UnwritableCaches => ["a read-only cache directory", "~/.cache is a file", "XDG_CACHE_HOME is not writable"];

    [LinuxTheory]
    [MemberData(nameof(UnwritableCaches))]
    public void An_unwritable_cache_never_fails_the_command_and_nothing_is_written(string kind)
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var extra = new List<(string, string)>();
        switch (kind)
        {
            case "a read-only cache directory":
                Directory.CreateDirectory(CacheOf(user));
                user.GiveOwnership(Path.Combine(user.Home, ".cache"));
                File.SetUnixFileMode(CacheOf(user), (UnixFileMode)0b101_000_000);
                break;
            case "~/.cache is a file":
                user.WriteFile(Path.Combine(user.Home, ".cache"), "not a directory\n");
                break;
            default:
                var xdg = user.CreateDirectory("xdg-cache");
                File.SetUnixFileMode(xdg, (UnixFileMode)0b101_101_101);
                extra.Add(("XDG_CACHE_HOME", xdg));
                break;
        }
        var watch = WriteWatch.Start(user.Home, work);
        var xdgWatch = extra.Count > 0 ? WriteWatch.Start(extra[0].Item2) : null;

        var first = Run(user, work, [.. extra]);
        var second = Run(user, work, [.. extra]);

        AssertRewritten(first, user);
        AssertRewritten(second, user);
        Assert.DoesNotContain(CacheHit, second.Process.StandardError);
        watch.AssertNothingWrittenOutside();
        xdgWatch?.AssertNothingWrittenOutside();
    }

    [RootFact("a directory of another uid")]
    public void A_cache_directory_that_is_a_link_into_another_users_directory_is_not_used_at_all()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var entry = WarmUp(user, work);
        var entryName = Path.GetFileName(entry);
        var valid = File.ReadAllText(entry);
        // Another user's directory, writable by anyone (so a write would succeed), holding a poisoned entry of the right
        // name and key: what someone could plant for the user to trust.
        var other = TestRunDirectory.CreateSubdirectory("other-users-cache");
        var poisoned = user.CreateDirectory("poisoned-base");
        File.WriteAllText(Path.Combine(other, entryName), valid.Replace(user.UserBase, poisoned, StringComparison.Ordinal));
        File.SetUnixFileMode(other, (UnixFileMode)0b111_111_111);
        Posix.ChangeOwner(Path.Combine(other, entryName), TestUser.SecondUnprivilegedId, TestUser.SecondUnprivilegedId);
        Posix.ChangeOwner(other, TestUser.SecondUnprivilegedId, TestUser.SecondUnprivilegedId);
        Directory.Delete(CacheOf(user), recursive: true);
        File.CreateSymbolicLink(CacheOf(user), other);
        user.GiveOwnership(CacheOf(user));
        var watch = WriteWatch.Start(other, user.Home);

        var first = Run(user, work);
        var second = Run(user, work);

        AssertRewritten(first, user);
        AssertRewritten(second, user);
        Assert.DoesNotContain(CacheHit, first.Process.StandardError + second.Process.StandardError);
        watch.AssertNothingWrittenOutside();
    }

    [LinuxFact]
    public void Fifty_concurrent_invocations_on_a_cold_cache_all_succeed_and_leave_one_valid_entry()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, ("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_UV", NativeTools.Shared.NativeUv));
        var cases = Enumerable.Range(0, 50).Select(i => new DriverCase(i, Install.Select(a => Encoding.UTF8.GetBytes(a)).ToList())).ToList();

        // 50 drivers, one case each: 50 uvshim processes started at once, all finding the cache empty.
        var outcomes = ShimDriver.Run(user, fixture.Binaries.Shim, cases, environment, work, parallelism: 50, TimeSpan.FromMinutes(5));

        Assert.All(outcomes, outcome =>
        {
            Assert.True(outcome.Status is { Exited: true, ExitCode: 0 }, outcome.ToString());
            Assert.Equal(Rewritten(user, user.UserBase), outcome.Record!.Arguments.Select(a => Encoding.UTF8.GetString(a)));
        });
        var entries = Entries(CacheOf(user));
        Assert.True(entries.Count == 1, "cache: " + string.Join(", ", entries));
        Assert.Matches(@"/probe-[0-9a-f]{16}$", entries[0]);
        AssertValidEntry(entries[0], user.UserBase);
    }
}
