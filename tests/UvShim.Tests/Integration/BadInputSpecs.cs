using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// Bad input: each case gets one clear <c>uvshim:</c> line and exit 2, uv is never run, and nothing
/// is written to HOME or the working directory.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class BadInputSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static void AssertRefusedCleanly(ProcessResult result, string expected, params string[] untouched)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Records);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr:\n{result.StandardError}");
        Assert.StartsWith("uvshim: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        foreach (var directory in untouched)
        {
            var written = Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
                .Where(e => !e.Contains("fake-uv-records", StringComparison.Ordinal) && !e.Contains(Path.Combine(".config", "uvshim"), StringComparison.Ordinal)
                    && !e.EndsWith(".config", StringComparison.Ordinal))
                .ToList();
            Assert.True(written.Count == 0, "written: " + string.Join(", ", written));
        }
    }

    private static string Script(TestUser user, string name, string body)
    {
        var path = user.WriteFile(Path.Combine(user.CreateDirectory("scripts"), name), "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileModes.Public);
        return path;
    }

    /// <summary>A user whose HOME and working directory start empty, so "nothing written" can be checked on both.</summary>
    private static (TestUser User, string Work) NewUser()
    {
        var user = TestUser.CreateUnprivileged();
        return (user, user.CreateDirectory("work"));
    }

    [LinuxFact]
    public void An_unknown_option_of_a_shim_command_is_refused()
    {
        var (user, work) = NewUser();
        using var _ = user;

        var result = ShimProcessRunner.RunShim(user, ["shim", "version", "--bogus"], fixture.ShimEnvironment(user, null), work);

        AssertRefusedCleanly(result, "--bogus", work, user.Home);
    }

    [LinuxTheory]
    [InlineData("/nonexistent/bin/python3", "no Python interpreter at /nonexistent/bin/python3")]
    [InlineData("./missing-python", "no Python interpreter at")]
    public void A_python_path_that_does_not_exist_is_refused(string python, string expected)
    {
        var (user, work) = NewUser();
        using var _ = user;

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--python", python, fixture.Wheel.Path],
            fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy), work);

        AssertRefusedCleanly(result, expected, work, user.Home);
    }

    [LinuxFact]
    public void A_python_option_without_a_value_is_refused()
    {
        var (user, work) = NewUser();
        using var _ = user;

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", fixture.Wheel.Path, "--python"],
            fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy), work);

        AssertRefusedCleanly(result, "--python needs a value", work, user.Home);
    }

    [LinuxFact]
    public void An_interpreter_that_hangs_is_bounded_by_the_probe_timeout()
    {
        var (user, work) = NewUser();
        using var _ = user;
        var hanging = Script(user, "python3", "sleep 60");

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--python", hanging, fixture.Wheel.Path],
            fixture.ShimEnvironment(user, null, ("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_PROBE_TIMEOUT", "1")), work,
            timeout: TimeSpan.FromSeconds(30));

        AssertRefusedCleanly(result, "did not answer within 1 s", work, user.Home);
    }

    [LinuxTheory]
    [InlineData("echo garbage", "is not a Python uvshim can use")]
    [InlineData("echo 'Traceback: boom' >&2; exit 3", "exited with 3: Traceback: boom")]
    public void An_interpreter_that_prints_garbage_or_fails_is_refused(string body, string expected)
    {
        var (user, work) = NewUser();
        using var _ = user;
        var broken = Script(user, "python3", body);

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--python", broken, fixture.Wheel.Path],
            fixture.ShimEnvironment(user, null, ("UV_SYSTEM_PYTHON", "1")), work);

        AssertRefusedCleanly(result, expected, work, user.Home);
    }

    [LinuxFact]
    public void An_explicit_user_install_with_no_interpreter_on_PATH_is_refused()
    {
        var (user, work) = NewUser();
        using var _ = user;
        var environment = fixture.ShimEnvironment(user, null);
        environment["PATH"] = user.CreateDirectory("empty-bin");

        var result = ShimProcessRunner.RunShim(user, ["pip", "install", "--user", fixture.Wheel.Path], environment, work);

        AssertRefusedCleanly(result, "cannot find a Python interpreter for --user", work, user.Home);
    }

    [LinuxFact]
    public void A_missing_uv_is_one_line_naming_UVSHIM_UV()
    {
        var (user, work) = NewUser();
        using var _ = user;
        var environment = fixture.ShimEnvironment(user, null);
        environment.Remove("UVSHIM_UV");
        environment["PATH"] = user.CreateDirectory("empty-bin");

        var result = ShimProcessRunner.RunShim(user, ["lock"], environment, work);

        AssertRefusedCleanly(result, "UVSHIM_UV", work, user.Home);
        Assert.Contains("cannot find uv on PATH", result.StandardError);
    }

    [LinuxFact]
    public void UVSHIM_UV_naming_a_file_that_does_not_exist_is_refused()
    {
        var (user, work) = NewUser();
        using var _ = user;

        var result = ShimProcessRunner.RunShim(user, ["--version"],
            fixture.ShimEnvironment(user, null, ("UVSHIM_UV", "/nonexistent/uv")), work);

        AssertRefusedCleanly(result, "UVSHIM_UV is /nonexistent/uv, which is not an executable file", work, user.Home);
    }

    [LinuxFact]
    public void UVSHIM_UV_naming_uvshim_itself_is_refused_instead_of_looping()
    {
        var (user, work) = NewUser();
        using var _ = user;

        var result = ShimProcessRunner.RunShim(user, ["--version"],
            fixture.ShimEnvironment(user, null, ("UVSHIM_UV", fixture.Binaries.Shim)), work, timeout: TimeSpan.FromSeconds(30));

        AssertRefusedCleanly(result, "which is uvshim itself", work, user.Home);
    }

    [LinuxFact]
    public void A_config_file_with_bad_JSON_is_refused_naming_the_file()
    {
        var (user, work) = NewUser();
        using var _ = user;
        var configDirectory = Directory.CreateDirectory(Path.Combine(user.Home, ".config", "uvshim")).FullName;
        user.GiveOwnership(Path.Combine(user.Home, ".config"));
        var config = user.WriteFile(Path.Combine(configDirectory, "config.json"), "{ \"Mode\": ");

        var result = ShimProcessRunner.RunShim(user, ["lock"], fixture.ShimEnvironment(user, null), work);

        AssertRefusedCleanly(result, config, work);
    }
}
