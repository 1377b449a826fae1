using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;

namespace UvShim.Tests.Hostile;

/// <summary>
/// Issue "hostile input" §2: the environments a container throws at uvshim. Each has one defined outcome (the exact argv
/// uv gets, or the exact refusal), and nothing is written outside the user base and the probe cache: HOME, the working
/// directory and the interpreter are compared before and after. `uv pip install &lt;wheel&gt;` with <c>UV_SYSTEM_PYTHON=1</c>
/// against a system Python the user cannot write, unless said otherwise. Where the user site cannot take the install,
/// uv gets the command as typed after uvshim's reason (uv alone completes it when there is nothing to change).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class HostileEnvironmentSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    public const string Defaulting = "uvshim: Defaulting to user installation because normal site-packages is not writeable";

    private static readonly Lazy<TestInterpreter> ReadOnlySiteCopy =
        new(() => TestInterpreters.CreatePrivateWritableCopy("read-only-site"), LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RelativeUserBase(string userBase) =>
        $"uvshim: Python's user base is '{userBase}', a relative path (PYTHONUSERBASE is relative, or HOME is unset or relative). "
        + "Set PYTHONUSERBASE (or HOME) to an absolute directory you can write. uv gets the command as typed.";

    public static string UnwritableUserBase(string userBase) =>
        "uvshim: Normal site-packages is not writeable, and neither is the user site: "
        + $"Python's user base {userBase} is not writable. Set PYTHONUSERBASE to a directory you can write. uv gets the command as typed.";

    private static string CacheOf(string home) => Path.Combine(home, ".cache", "uvshim");

    private static void AssertRefused(NativeRunResult run, string line)
    {
        Assert.True(run.Process.ExitCode == 2, run.ToString());
        Assert.Null(run.Record);
        Assert.Equal([line], run.ErrorLines);
        Assert.Equal("", run.Process.StandardOutput);
    }

    /// <summary>uvshim's one line, then uv (native-uv, which exits 0) in its process with the command as typed.</summary>
    private void AssertHandedOverAsTyped(NativeRunResult run, string line)
    {
        Assert.True(run.Process.ExitCode == 0, run.ToString());
        Assert.Equal(Install, run.Arguments);
        Assert.Equal([line], run.ErrorLines);
        Assert.Equal("", run.Process.StandardOutput);
    }

    private string[] Install => ["pip", "install", fixture.Wheel.Path];

    [RootFact("only root can run a uid without a passwd entry; the current user has one, so Python finds a home")]
    public void Without_HOME_and_without_a_passwd_entry_the_install_goes_to_uv_as_typed_after_naming_PYTHONUSERBASE()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));
        environment.Remove("HOME");
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);

        var run = NativeRun.Shim(user, Install, environment, work);

        // pip would install into ./~/.local under the working directory.
        AssertHandedOverAsTyped(run, RelativeUserBase("~/.local"));
        watch.AssertNothingWrittenOutside();
    }

    [LinuxFact]
    public void With_HOME_set_to_the_root_directory_the_install_goes_to_uv_as_typed_after_saying_the_user_base_cannot_be_written()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("HOME", "/"));
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);
        var rootEntries = Directory.EnumerateFileSystemEntries("/").Order().ToList();

        var run = NativeRun.Shim(user, Install, environment, work);

        AssertHandedOverAsTyped(run, UnwritableUserBase("/.local"));
        watch.AssertNothingWrittenOutside();
        Assert.Equal(rootEntries, Directory.EnumerateFileSystemEntries("/").Order().ToList());
    }

    [LinuxFact]
    public void With_a_HOME_the_user_cannot_write_the_install_goes_to_uv_as_typed_after_saying_the_user_base_cannot_be_written()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var home = user.CreateDirectory("read-only-home");
        File.SetUnixFileMode(home, (UnixFileMode)0b101_101_101);
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("HOME", home));
        var watch = WriteWatch.Start(home, work, python.Prefix);

        var run = NativeRun.Shim(user, Install, environment, work);

        AssertHandedOverAsTyped(run, UnwritableUserBase(Path.Combine(home, ".local")));
        watch.AssertNothingWrittenOutside(); // not even the probe cache: it cannot be created, and that is no error
    }

    [RootFact("the read-only mount is a bind mount in a private mount namespace")]
    public void With_HOME_on_a_read_only_mount_the_install_goes_to_uv_as_typed_after_saying_the_user_base_cannot_be_written()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);

        // HOME is the user's own (mode 0700, writable by the modes), but a read-only bind mount: access(W_OK) says EROFS.
        var run = NativeRun.Shim(user, Install, environment, work, launcher: ReadOnlyMounts.Launcher(user.Home));

        AssertHandedOverAsTyped(run, UnwritableUserBase(user.UserBase));
        watch.AssertNothingWrittenOutside();
    }

    [LinuxTheory]
    [InlineData("relative/base")]
    [InlineData("~/base")]
    [InlineData("~")]
    [InlineData("./base")]
    public void A_relative_or_tilde_PYTHONUSERBASE_is_named_and_the_install_goes_to_uv_as_typed(string userBase)
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("PYTHONUSERBASE", userBase));
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);

        var run = NativeRun.Shim(user, Install, environment, work);

        // Python takes PYTHONUSERBASE as it is (no ~ expansion); pip would install relative to the working directory.
        AssertHandedOverAsTyped(run, RelativeUserBase(userBase));
        watch.AssertNothingWrittenOutside(CacheOf(user.Home));
    }

    [LinuxFact]
    public void With_PYTHONNOUSERSITE_an_install_is_handed_to_uv_unchanged_and_uv_reports_the_permission_error()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("PYTHONNOUSERSITE", "1"));
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);

        // The fake uv, which fails on an unwritable site-packages as uv does.
        var result = ShimProcessRunner.RunShim(user, Install, environment, work);

        Assert.Equal(Install, result.SingleRecord.Arguments);
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("uvshim:", result.StandardError);
        watch.AssertNothingWrittenOutside(CacheOf(user.Home));
    }

    [LinuxFact]
    public void With_PYTHONNOUSERSITE_an_explicit_user_install_is_refused_as_pip_refuses_it()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, python, ("PYTHONNOUSERSITE", "1"));
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);

        var run = NativeRun.Shim(user, ["pip", "install", "--user", fixture.Wheel.Path], environment, work);

        AssertRefused(run, "uvshim: Can not perform a '--user' install. User site-packages are disabled for this Python. (PYTHONNOUSERSITE is set)");
        watch.AssertNothingWrittenOutside(CacheOf(user.Home));
    }

    [RootFact("only root can start a process whose real and effective uids differ")]
    public void With_the_effective_uid_not_the_real_one_the_user_site_is_off_an_install_is_handed_over_unchanged_and_user_is_refused()
    {
        using var user = TestUser.CreateUnprivileged();
        // Debian's python3 itself: its libpython is built in, so no $ORIGIN (which the loader ignores when uid ≠ euid) is involved.
        var python = IntegrationFixture.DebianPython;
        user.DifferentEffectiveUid = TestUser.SecondUnprivilegedId;
        var work = user.CreateDirectory("work");
        var temporary = user.CreateDirectory("tmp-any");
        File.SetUnixFileMode(temporary, (UnixFileMode)0b111_111_111);
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("TMPDIR", temporary));
        var watch = WriteWatch.Start(user.Home, work, python.Stdlib);

        var implicitRun = NativeRun.Shim(user, Install, new(environment), work);
        var explicitRun = NativeRun.Shim(user, ["pip", "install", "--user", "--break-system-packages", fixture.Wheel.Path], new(environment), work);

        // Python's site.check_enableusersite() is None there, which pip reads as "user site disabled".
        Assert.True(implicitRun.Process.ExitCode == 0, implicitRun.ToString());
        Assert.Equal(Install, implicitRun.Arguments);
        Assert.Equal(implicitRun.Process.ProcessId, implicitRun.Record!.ProcessId);
        Assert.Equal("", implicitRun.Process.StandardError);
        AssertRefused(explicitRun,
            "uvshim: Can not perform a '--user' install. User site-packages are disabled for this Python. (the effective and real user or group ids differ)");
        watch.AssertNothingWrittenOutside();
    }

    [LinuxFact]
    public void A_project_sync_into_the_user_base_with_a_TMPDIR_that_does_not_exist_is_refused_naming_TMPDIR()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, "pyproject.toml"), "[project]\nname = \"app\"\nversion = \"0.1.0\"\n");
        var missing = Path.Combine(user.Scratch, "no-such-tmp");
        var environment = fixture.ShimEnvironment(user, python, ("UV_PROJECT_ENVIRONMENT", user.UserBase), ("TMPDIR", missing));
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);

        // uvshim exports the lock into a private temporary directory before installing it into the user site.
        var run = NativeRun.Shim(user, ["sync"], environment, work);

        Assert.True(run.Process.ExitCode == 2, run.ToString());
        Assert.Null(run.Record);
        Assert.Equal(2, run.ErrorLines.Count); // the note saying what uvshim does, then why it cannot
        Assert.StartsWith($"uvshim: cannot create a private temporary directory in {missing}/ for the exported lock (", run.ErrorLines[1]);
        Assert.EndsWith("); set TMPDIR to a directory you can write", run.ErrorLines[1]);
        Assert.False(Directory.Exists(missing));
        watch.AssertNothingWrittenOutside(CacheOf(user.Home));
    }

    [LinuxFact]
    public void A_project_sync_into_the_user_base_from_a_directory_that_does_not_exist_is_handed_to_uv_unchanged()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var work = user.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(user, python, ("UV_PROJECT_ENVIRONMENT", user.UserBase));
        string[] arguments = ["--directory", "no-such-project", "sync", "--python", python.Executable];
        var watch = WriteWatch.Start(user.Home, work, python.Prefix);

        var run = NativeRun.Shim(user, arguments, environment, work);

        // uv says the directory does not exist; uvshim has nothing to install and no directory to run uv in.
        Assert.True(run.Process.ExitCode == 0, run.ToString());
        Assert.Equal(arguments, run.Arguments);
        Assert.Equal("", run.Process.StandardError);
        watch.AssertNothingWrittenOutside(CacheOf(user.Home));
    }

    [RootFact("the read-only mount is a bind mount in a private mount namespace")]
    public void Root_with_a_read_only_system_site_packages_falls_back_to_roots_user_site_as_pip_does()
    {
        using var root = TestUser.CreateCurrent();
        var python = ReadOnlySiteCopy.Value;
        var site = python.SitePackages;
        var work = root.CreateDirectory("work");
        var environment = fixture.ShimEnvironment(root, python, ("UV_SYSTEM_PYTHON", "1"));
        string[] arguments = ["pip", "install", "--no-index", fixture.Wheel.Path];
        var watch = WriteWatch.Start(root.Home, work, python.Prefix);

        // The fake uv installs for real: into the user site under the mount, which it cannot write through.
        var readOnly = ShimProcessRunner.RunShim(root, arguments, environment, work, launcher: ReadOnlyMounts.Launcher(site));

        Assert.True(readOnly.ExitCode == 0, readOnly.ToString());
        Assert.Equal(["pip", "install", "--prefix", root.UserBase, "--python", python.Executable, "--no-index", fixture.Wheel.Path],
            readOnly.SingleRecord.Arguments);
        Assert.Contains(Defaulting, readOnly.StandardError);
        Assert.True(File.Exists(Path.Combine(python.UserSitePackages(root), fixture.Wheel.ImportName, "__init__.py")), readOnly.ToString());
        watch.AssertNothingWrittenOutside(root.UserBase, CacheOf(root.Home));

        // The same root, the same interpreter, no mount: writable, so uv gets the command as typed.
        var writable = ShimProcessRunner.RunShim(root, arguments, environment, work);
        Assert.True(writable.ExitCode == 0, writable.ToString());
        Assert.Equal(arguments, writable.SingleRecord.Arguments);
    }
}
