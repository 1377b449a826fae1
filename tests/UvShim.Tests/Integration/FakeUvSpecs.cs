using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>The fake uv and the test infrastructure, run directly (no uvshim): the ground the other specs stand on.</summary>
[SupportedOSPlatform("linux")]
public sealed class FakeUvSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static readonly string[] AwkwardArguments =
        ["run", "--", "python", "-c", "print(\"a b\")", "", "it's \"quoted\"", "ünïcødé ✓", "  spaced  "];

    [LinuxFact]
    public void The_fake_uv_records_argv_bytes_environment_identity_and_pid()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var environment = user.Environment();
        environment["NON_ASCII"] = "grüße ✓";
        var workingDirectory = user.CreateDirectory("cwd");

        // Act
        var result = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, AwkwardArguments, environment, workingDirectory);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        var record = result.SingleRecord;
        Assert.Equal("/proc/self/cmdline", record.ArgumentsSource);
        Assert.Equal(AwkwardArguments.Select(a => Encoding.UTF8.GetBytes(a)), record.ArgumentBytes);
        Assert.Equal(result.Environment.OrderBy(e => e.Key, StringComparer.Ordinal), record.Environment.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(result.ProcessId, record.ProcessId);
        Assert.Equal(user.Uid, record.Uid);
        Assert.Equal(user.Uid, record.Euid);
        Assert.Equal(user.Gid, record.Gid);
        Assert.Equal(workingDirectory, record.WorkingDirectory);
        Assert.False(record.StdinIsTerminal || record.StdoutIsTerminal || record.StderrIsTerminal);
        Assert.True(record.SigpipeIgnored, "the .NET runtime ignores SIGPIPE in every .NET process");
    }

    [LinuxFact]
    public void The_fake_uv_prints_its_version_and_exits_with_FAKE_UV_EXIT_after_recording()
    {
        using var user = TestUser.CreateUnprivileged();

        var version = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["--version"], user.Environment());
        var failing = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["lock"], user.Environment().With("FAKE_UV_EXIT", "3"));

        Assert.Equal(ShimBinaries.FakeUvVersion, version.StandardOutput.Trim());
        Assert.Equal(3, failing.ExitCode);
        Assert.Equal(["lock"], failing.SingleRecord.Arguments);
    }

    [LinuxFact]
    public void The_signal_probe_reports_the_sigpipe_disposition_the_fake_was_started_with()
    {
        using var user = TestUser.CreateUnprivileged();
        var probe = fixture.Binaries.FakeUvBehindSignalProbe ?? throw new InvalidOperationException("perl is not on PATH: no signal probe");
        var perl = ExecutableLookup.Require("perl");

        // A child of .NET's Process inherits SIGPIPE ignored; perl can put it back to default before exec.
        var ignored = ShimProcessRunner.Run(user, probe, ["--version"], user.Environment());
        var restored = ShimProcessRunner.Run(
            user, perl, ["-e", "$SIG{PIPE} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die $!", probe, "--version"], user.Environment());

        Assert.True(ignored.SingleRecord.SigpipeIgnoredAtExec, ignored.ToString());
        Assert.False(restored.SingleRecord.SigpipeIgnoredAtExec, restored.ToString());
        Assert.Equal(ignored.ProcessId, ignored.SingleRecord.ProcessId);
        Assert.Equal(["--version"], restored.SingleRecord.Arguments);
    }

    [LinuxFact]
    public void The_fake_uv_installs_with_prefix_into_the_interpreters_virtualenv_layout()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");

        // Act
        var result = ShimProcessRunner.Run(
            user, fixture.Binaries.FakeUv, ["pip", "install", "--prefix", prefix, "--python", python.Executable, fixture.Wheel.Path], user.Environment());

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Installed 1 package in ", result.StandardError);
        Assert.Contains(" + uvshim-demo==1.0", result.StandardError);
        var site = Path.Combine(prefix, "lib", $"python{python.MajorMinor}", "site-packages");
        Assert.Equal("uv", File.ReadAllText(Path.Combine(site, fixture.Wheel.DistInfoDirectory, "INSTALLER")));
        Assert.Contains($"../../../bin/{fixture.Wheel.ScriptName},sha256=", File.ReadAllText(Path.Combine(site, fixture.Wheel.DistInfoDirectory, "RECORD")));
        var script = Path.Combine(prefix, "bin", fixture.Wheel.ScriptName);
        Assert.StartsWith($"#!{python.Executable}\n", File.ReadAllText(script));
        var ran = ShimProcessRunner.Run(user, script, [], user.Environment().With("PYTHONPATH", site));
        Assert.Equal(fixture.Wheel.Greeting, ran.StandardOutput.Trim());
    }

    [LinuxFact]
    public void The_fake_uv_installs_with_target_into_the_directory_and_its_bin_and_lists_freezes_and_uninstalls_there()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var target = Path.Combine(user.CreateDirectory("target"), "site");
        string[] where = ["--target", target, "--python", python.Executable];

        // Act
        var installed = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["pip", "install", .. where, fixture.Wheel.Path], user.Environment());
        var scriptWasInstalled = File.Exists(Path.Combine(target, "bin", fixture.Wheel.ScriptName));
        var imported = ShimProcessRunner.Run(
            user, python.Executable, ["-c", $"import {fixture.Wheel.ImportName} as m; print(m.GREETING)"], user.Environment().With("PYTHONPATH", target));
        var freeze = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["pip", "freeze", .. where], user.Environment());
        var list = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["pip", "list", "--format", "json", .. where], user.Environment());
        var uninstalled = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["pip", "uninstall", .. where, "uvshim-demo"], user.Environment());

        // Assert
        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.True(scriptWasInstalled);
        Assert.Equal(fixture.Wheel.Greeting, imported.StandardOutput.Trim());
        // uv records direct_url.json for a wheel installed from a path, so freeze shows its URL.
        Assert.Equal($"uvshim-demo @ {new Uri(fixture.Wheel.Path).AbsoluteUri}", freeze.StandardOutput.Trim());
        Assert.Equal("""[{"name":"uvshim-demo","version":"1.0"}]""", list.StandardOutput.Trim());
        Assert.True(uninstalled.ExitCode == 0, uninstalled.ToString());
        Assert.Contains(" - uvshim-demo==1.0", uninstalled.StandardError);
        Assert.False(Directory.Exists(Path.Combine(target, fixture.Wheel.ImportName)));
        Assert.False(File.Exists(Path.Combine(target, "bin", fixture.Wheel.ScriptName)));
    }

    [LinuxFact]
    public void The_fake_uv_refuses_pip_user_like_uv()
    {
        using var user = TestUser.CreateUnprivileged();

        var result = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["pip", "install", "--user", fixture.Wheel.Path], user.Environment());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: pip's `--user` is unsupported (use a virtual environment instead)", result.StandardError.Trim());
    }

    [LinuxFact]
    public void The_fake_uv_needs_a_virtual_environment_or_system_like_uv()
    {
        using var user = TestUser.CreateUnprivileged();

        var result = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, ["pip", "install", fixture.Wheel.Path], user.Environment());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: No virtual environment found; run `uv venv` to create an environment, or pass `--system` to install into a non-virtual environment", result.StandardError);
    }

    [LinuxFact]
    public void The_fake_uv_fails_like_uv_when_the_system_site_packages_is_not_writable()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        var result = ShimProcessRunner.Run(
            user, fixture.Binaries.FakeUv, ["pip", "install", fixture.Wheel.Path],
            user.Environment(IntegrationFixture.PathWith(python)).With("UV_SYSTEM_PYTHON", "1"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: Failed to install: {fixture.Wheel.FileName} (uvshim-demo==1.0)", result.StandardError);
        Assert.Contains("Caused by: failed to create directory `", result.StandardError);
        Assert.Contains("Permission denied (os error 13)", result.StandardError);
    }

    [LinuxFact]
    public void The_fake_uv_refuses_an_externally_managed_interpreter_like_uv()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;

        var result = ShimProcessRunner.Run(
            user, fixture.Binaries.FakeUv, ["pip", "install", "--system", fixture.Wheel.Path], user.Environment(IntegrationFixture.PathWith(python)));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: The interpreter at {python.Prefix} is externally managed, and indicates the following:", result.StandardError);
        Assert.Contains("hint: Virtual environments were not considered due to the `--system` flag", result.StandardError);
    }
}
