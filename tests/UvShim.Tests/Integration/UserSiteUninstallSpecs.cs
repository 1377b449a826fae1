using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// README, "Beyond install": <c>uv pip uninstall</c>: packages that live in the user site are removed from there (uv gets
/// <c>--prefix &lt;user base&gt; --python &lt;exe&gt;</c>, which also reaches the scripts in <c>~/.local/bin</c>); the rest
/// reach uv as asked. Run as the unprivileged user against an unwritable interpreter copy that has packages of its own
/// (<c>uvshim-demo 0.9</c>, <c>uvshim-system 3.0</c>) in its system site-packages.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UserSiteUninstallSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private static SystemPackagesInterpreter WithSystemPackages => TestInterpreters.UnwritableCopyWithSystemPackages;

    private static string[] UserSiteRun(TestUser user, TestInterpreter python, params string[] names) =>
        ["pip", "uninstall", "--prefix", user.UserBase, "--python", python.Executable, .. names];

    private static void AssertGoneFromUserSite(TestUser user, TestInterpreter python, BuiltWheel wheel)
    {
        var site = python.UserSitePackages(user);
        Assert.False(Directory.Exists(Path.Combine(site, wheel.ImportName)), $"{wheel.ImportName} is still in {site}");
        Assert.False(Directory.Exists(Path.Combine(site, wheel.DistInfoDirectory)), $"{wheel.DistInfoDirectory} is still in {site}");
        Assert.False(File.Exists(Path.Combine(python.UserScripts(user), wheel.ScriptName)), $"{wheel.ScriptName} is still in {python.UserScripts(user)}");
    }

    private static void AssertSystemPackagesUntouched()
    {
        foreach (var wheel in WithSystemPackages.Wheels)
        {
            Assert.True(Directory.Exists(Path.Combine(WithSystemPackages.SitePackages, wheel.ImportName)), $"{wheel.ImportName} vanished from {WithSystemPackages.SitePackages}");
            Assert.True(Directory.Exists(Path.Combine(WithSystemPackages.SitePackages, wheel.DistInfoDirectory)), $"{wheel.DistInfoDirectory} vanished from {WithSystemPackages.SitePackages}");
            Assert.True(File.Exists(Path.Combine(WithSystemPackages.Python.Scripts, wheel.ScriptName)), $"{wheel.ScriptName} vanished from {WithSystemPackages.Python.Scripts}");
        }
    }

    [LinuxFact]
    public void A_package_in_the_user_site_is_uninstalled_with_the_user_base_as_prefix_and_its_files_and_script_are_gone()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo, fixture.Other);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "uninstall", "uvshim-demo"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserSiteRun(user, python, "uvshim-demo"), result.SingleRecord.Arguments);
        Assert.Contains(" - uvshim-demo==1.0", result.StandardError);
        AssertGoneFromUserSite(user, python, fixture.Demo);
        Assert.True(Directory.Exists(Path.Combine(python.UserSitePackages(user), fixture.Other.DistInfoDirectory)), "uvshim-other should stay");
        AssertSystemPackagesUntouched();
    }

    [LinuxFact]
    public void A_package_that_is_not_in_the_user_site_reaches_uv_unchanged()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);
        string[] arguments = ["pip", "uninstall", "uvshim-nowhere"];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert: uv skips it and says so
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.Contains("Skipping uvshim-nowhere as it is not installed", result.StandardError);
        Assert.True(Directory.Exists(Path.Combine(python.UserSitePackages(user), fixture.Demo.DistInfoDirectory)));
    }

    [LinuxFact]
    public void A_mixed_request_runs_uv_twice_first_for_the_user_site_then_for_the_rest()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "uvshim-demo", "uvshim-nowhere"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Records.Count);
        Assert.Equal(UserSiteRun(user, python, "uvshim-demo"), result.Records[0].Arguments);
        Assert.Equal(["pip", "uninstall", "uvshim-nowhere"], result.Records[1].Arguments);
        AssertGoneFromUserSite(user, python, fixture.Demo);
        AssertSystemPackagesUntouched();
    }

    [LinuxFact]
    public void In_a_mixed_request_the_user_options_stay_on_the_run_for_the_rest()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "-q", "uvshim-nowhere", "uvshim-demo", "--dry-run"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Records.Count);
        Assert.Equal(["--prefix", user.UserBase, "--python", python.Executable], result.Records[0].Arguments.Skip(2).Take(4));
        Assert.Contains("uvshim-demo", result.Records[0].Arguments);
        Assert.DoesNotContain("uvshim-nowhere", result.Records[0].Arguments);
        Assert.Equal(["pip", "uninstall", "-q", "uvshim-nowhere", "--dry-run"], result.Records[1].Arguments);
    }

    [LinuxFact]
    public void In_a_mixed_request_the_exit_code_is_that_of_the_run_that_failed()
    {
        // Arrange: uvshim-system lives in the root-owned system site-packages, which the user cannot change
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "uvshim-demo", "uvshim-system"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert: the user-site run succeeded, uv's run for the system package failed (permission denied, exit 2)
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(2, result.Records.Count);
        Assert.Equal(UserSiteRun(user, python, "uvshim-demo"), result.Records[0].Arguments);
        Assert.Equal(["pip", "uninstall", "uvshim-system"], result.Records[1].Arguments);
        Assert.Contains("Permission denied", result.StandardError);
        AssertGoneFromUserSite(user, python, fixture.Demo);
        AssertSystemPackagesUntouched();
    }

    /// <summary>An executable uv the kernel cannot start: its interpreter does not exist (posix_spawn fails with ENOENT).</summary>
    internal static string UnstartableUv(TestUser user)
    {
        var path = Path.Combine(user.CreateDirectory("uv"), "uv");
        user.WriteFile(path, "#!/nonexistent/interpreter\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    /// <summary>uvshim's one line for a uv that did not start, and uv's error exit code; no "internal error".</summary>
    internal static void AssertCannotRun(ProcessResult result, string uv)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"uvshim: cannot run {uv}: ", line);
        Assert.Empty(result.Records);
    }

    [LinuxFact]
    public void In_a_mixed_request_a_uv_that_cannot_start_ends_uvshim_with_one_line_and_exit_2()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);
        var uv = UnstartableUv(user);

        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "uvshim-demo", "uvshim-nowhere"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_UV", uv)));

        AssertCannotRun(result, uv);
        Assert.True(Directory.Exists(Path.Combine(python.UserSitePackages(user), fixture.Demo.DistInfoDirectory)), "nothing ran, nothing is gone");
    }

    [LinuxFact]
    public void When_the_first_uv_run_fails_its_exit_code_is_returned()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);

        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "uvshim-demo", "uvshim-nowhere"],
            fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("FAKE_UV_EXIT", "3")));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(UserSiteRun(user, python, "uvshim-demo"), result.Records[0].Arguments);
    }

    [LinuxTheory]
    [InlineData("Uvshim_Demo")]
    [InlineData("UVSHIM.demo")]
    public void Names_are_compared_after_PEP_503_normalization(string spelling)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "uninstall", spelling], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert: the name reaches uv (as typed or normalized: uv normalizes it too)
        Assert.True(result.ExitCode == 0, result.ToString());
        var arguments = result.SingleRecord.Arguments;
        Assert.Equal(UserSiteRun(user, python), arguments.Take(6));
        Assert.Equal(["uvshim-demo"], arguments.Skip(6).Select(PackageNameOf));
        AssertGoneFromUserSite(user, python, fixture.Demo);
    }

    [LinuxTheory]
    [InlineData("uvshim-demo==1.0")]
    [InlineData("Uvshim_Demo[extra]")]
    [InlineData("uvshim-demo>=1")]
    [InlineData("uvshim-demo ; python_version > '3'")]
    public void A_requirement_names_its_package_as_uv_reads_it_and_the_user_site_copy_is_removed(string requirement)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "uninstall", requirement], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserSiteRun(user, python, "uvshim-demo"), result.SingleRecord.Arguments);
        AssertGoneFromUserSite(user, python, fixture.Demo);
        AssertSystemPackagesUntouched();
    }

    [LinuxFact]
    public void Without_a_venv_or_system_the_command_reaches_uv_unchanged_which_wants_a_venv()
    {
        // Arrange: no UV_SYSTEM_PYTHON, no venv; uv takes a system Python only with --system or a path
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);
        string[] arguments = ["pip", "uninstall", "uvshim-demo"];

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, fixture.ShimEnvironment(user, python));

        // Assert
        Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.SingleRecord.ArgumentBytes);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("No virtual environment found", result.StandardError);
        Assert.True(Directory.Exists(Path.Combine(python.UserSitePackages(user), fixture.Demo.DistInfoDirectory)));
    }

    [LinuxFact]
    public void With_pips_user_the_user_site_copy_is_removed_without_system()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "uninstall", "--user", "uvshim-demo==1.0"], fixture.ShimEnvironment(user, python));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserSiteRun(user, python, "uvshim-demo==1.0"), result.SingleRecord.Arguments);
        AssertGoneFromUserSite(user, python, fixture.Demo);
        AssertSystemPackagesUntouched();
    }

    [LinuxFact]
    public void Names_from_a_requirements_file_are_split_between_the_user_site_run_and_the_rest()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = WithSystemPackages.Python;
        fixture.InstallForUser(user, python, fixture.Demo, fixture.Other);
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, "reqs.txt"), "# to remove\nuvshim-demo==1.0\nuvshim-nowhere\nUvshim_Other\n");

        // Act
        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "-r", "reqs.txt"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")), work);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Records.Count);
        var first = result.Records[0].Arguments;
        Assert.Equal(UserSiteRun(user, python), first.Take(6));
        Assert.Equal(["uvshim-demo", "uvshim-other"], first.Skip(6).Select(PackageNameOf).Order(StringComparer.Ordinal));
        Assert.Equal(["pip", "uninstall"], result.Records[1].Arguments.Take(2));
        Assert.Equal(["uvshim-nowhere"], result.Records[1].Arguments.Skip(2).Select(PackageNameOf));
        AssertGoneFromUserSite(user, python, fixture.Demo);
        AssertGoneFromUserSite(user, python, fixture.Other);
    }

    [LinuxFact]
    public void On_an_externally_managed_python_a_user_site_removal_is_refused_like_pip()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "uninstall", "uvshim-demo"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Records);
        Assert.Contains("externally-managed-environment", result.StandardError);
        foreach (var line in ExternallyManagedText.ErrorLines(python.ExternallyManagedMarker))
        {
            Assert.Contains(line, result.StandardError);
        }
        Assert.True(Directory.Exists(Path.Combine(python.UserSitePackages(user), fixture.Demo.DistInfoDirectory)));
    }

    [LinuxFact]
    public void On_an_externally_managed_python_the_break_system_packages_flag_allows_the_user_site_removal()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "--break-system-packages", "uvshim-demo"], fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        var arguments = result.SingleRecord.Arguments;
        Assert.Equal(UserSiteRun(user, python), arguments.Take(6));
        Assert.Contains("--break-system-packages", arguments);
        Assert.Equal("uvshim-demo", arguments[^1]);
        AssertGoneFromUserSite(user, python, fixture.Demo);
    }

    [LinuxFact]
    public void On_an_externally_managed_python_UV_BREAK_SYSTEM_PACKAGES_allows_the_user_site_removal()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        fixture.InstallForUser(user, python, fixture.Demo);

        // Act
        var result = ShimProcessRunner.RunShim(
            user, ["pip", "uninstall", "uvshim-demo"],
            fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("UV_BREAK_SYSTEM_PACKAGES", "1")));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(UserSiteRun(user, python, "uvshim-demo"), result.SingleRecord.Arguments);
        AssertGoneFromUserSite(user, python, fixture.Demo);
    }

    /// <summary>The distribution name of a requirement token (<c>uvshim-demo==1.0</c> → <c>uvshim-demo</c>), PEP 503-normalized.</summary>
    private static string PackageNameOf(string requirement)
    {
        var end = requirement.IndexOfAny(['=', '<', '>', '!', '~', ';', '[', ' ', '@']);
        var name = end < 0 ? requirement : requirement[..end];
        return Regex.Replace(name, "[-_.]+", "-").ToLowerInvariant();
    }
}
