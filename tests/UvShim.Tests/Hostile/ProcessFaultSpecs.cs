using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;

namespace UvShim.Tests.Hostile;

/// <summary>
/// Issue "hostile input" §5: uvshim execs uv, so to the caller uv's process is uvshim's: every exit status comes back
/// unchanged, SIGINT and SIGTERM sent to that PID reach uv and the waiting parent sees the signal, a terminal stays a
/// terminal on all three streams with no stray bytes from uvshim, and uv starts with SIGPIPE (and every other signal) at
/// its default. Each for a command handed over unchanged and for a rewritten install. The parent is
/// <see cref="ShimDriver"/> (a C program that forks, execs and waits, as a shell does) or <c>script</c> for the terminal.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ProcessFaultSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private string[][] Commands => [["lock"], ["pip", "install", fixture.Wheel.Path]];

    private IReadOnlyList<string> Expected(TestUser user, string[] command) =>
        command[0] == "lock" ? command : ["pip", "install", "--prefix", user.UserBase, "--python", TestInterpreters.UnwritableCopy.Executable, fixture.Wheel.Path];

    private Dictionary<string, string> Environment(TestUser user, params (string, string)[] extra) =>
        fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, [("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_UV", NativeTools.Shared.NativeUv), .. extra]);

    private static List<byte[]> Bytes(IEnumerable<string> arguments) => arguments.Select(a => Encoding.UTF8.GetBytes(a)).ToList();

    [LinuxFact]
    public void Every_exit_status_from_0_to_255_comes_back_unchanged()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var cases = Enumerable.Range(0, 256)
            .SelectMany(code => Commands.Select((command, i) => new DriverCase(code * 2 + i, Bytes(command), ExitCode: code)))
            .ToList();

        var outcomes = ShimDriver.Run(user, fixture.Binaries.Shim, cases, Environment(user), work, parallelism: 4, TimeSpan.FromMinutes(10));

        Assert.Equal(512, outcomes.Count);
        Assert.All(outcomes, outcome =>
        {
            Assert.True(outcome.Status.Exited && outcome.Status.ExitCode == outcome.Case.ExitCode, outcome.ToString());
            Assert.Equal(outcome.ProcessId, outcome.Record!.ProcessId);
        });
    }

    [LinuxTheory]
    [InlineData(2)]  // SIGINT
    [InlineData(15)] // SIGTERM
    public void A_signal_sent_to_uvshims_PID_reaches_uv_and_the_parent_sees_uv_killed_by_it(int signal)
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var cases = Commands.Select((command, i) => new DriverCase(i, Bytes(command), Signal: signal)).ToList();

        // native-uv records, then sleeps; the driver sends the signal to the PID it forked (uvshim's) once the record is there.
        var outcomes = ShimDriver.Run(user, fixture.Binaries.Shim, cases, Environment(user, ("NATIVE_UV_SLEEP", "60")), work, parallelism: 2, TimeSpan.FromMinutes(2));

        Assert.All(outcomes, outcome =>
        {
            Assert.True(outcome.Status.Signaled && outcome.Status.Signal == signal, outcome.ToString());
            Assert.Equal(outcome.ProcessId, outcome.Record!.ProcessId);
            Assert.Equal(Expected(user, Commands[outcome.Case.Id]), outcome.Record.Arguments.Select(a => Encoding.UTF8.GetString(a)));
        });
    }

    [LinuxTheory]
    [InlineData(2)]  // SIGINT
    [InlineData(15)] // SIGTERM
    public void In_a_command_that_runs_uv_as_a_child_a_signal_reaches_uv_and_the_parent_sees_uvshim_killed_by_it(int signal)
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        // A package in the user site makes `pip list` a merged view: uvshim runs uv twice, as children.
        var python = TestInterpreters.UnwritableCopy;
        var distInfo = Path.Combine(python.UserSitePackages(user), "planted-1.0.dist-info");
        Directory.CreateDirectory(distInfo);
        user.GiveOwnership(user.UserBase);
        var cases = new List<DriverCase> { new(0, Bytes(["pip", "list"]), Signal: signal) };

        var outcomes = ShimDriver.Run(user, fixture.Binaries.Shim, cases, Environment(user, ("NATIVE_UV_SLEEP", "60")), work, parallelism: 1, TimeSpan.FromMinutes(2));

        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Status.Signaled && outcome.Status.Signal == signal, outcome.ToString());
        Assert.NotEqual(outcome.ProcessId, outcome.Record!.ProcessId); // uv ran as a child, not in uvshim's place
        Assert.Equal(["pip", "list", "--format", "json"], outcome.Record.Arguments.Select(a => Encoding.UTF8.GetString(a)));
    }

    [LinuxFact]
    public void Uv_starts_with_SIGPIPE_and_every_other_signal_at_its_default()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var cases = Commands.Select((command, i) => new DriverCase(i, Bytes(command))).ToList();

        // The driver starts uvshim with no signal ignored; the .NET runtime then ignores SIGPIPE, which must not reach uv.
        var outcomes = ShimDriver.Run(user, fixture.Binaries.Shim, cases, Environment(user), work, parallelism: 2, TimeSpan.FromMinutes(2));

        Assert.All(outcomes, outcome =>
        {
            Assert.True(outcome.Status is { Exited: true, ExitCode: 0 }, outcome.ToString());
            Assert.False(outcome.Record!.SigpipeIgnored, $"SIGPIPE ignored at exec: SigIgn {outcome.Record.SigIgn}");
            Assert.True(outcome.Record.NoSignalIgnored, $"signals ignored at exec: SigIgn {outcome.Record.SigIgn}");
        });
    }

    [LinuxFact]
    public void Under_a_pseudo_terminal_uv_sees_a_terminal_on_all_three_streams_and_uvshim_writes_no_stray_bytes()
    {
        var script = ExecutableLookup.Require("script");
        foreach (var command in Commands)
        {
            using var user = TestUser.CreateUnprivileged();
            var work = user.CreateDirectory("work");
            var record = Path.Combine(user.CreateDirectory("record"), "uv.rec");
            var environment = Environment(user, ("NATIVE_UV_RECORD", record), ("NATIVE_UV_PRINT", "hello from uv"), ("SHELL", "/bin/sh"));
            // The user's scripts directory on PATH, so that the rewrite prints only pip's one note.
            environment["PATH"] = Path.Combine(user.UserBase, "bin") + ":" + environment["PATH"];
            var line = "exec " + string.Join(' ', command.Prepend(fixture.Binaries.Shim).Select(a => "'" + a.Replace("'", "'\\''") + "'"));

            // script(1) runs the line on a new pseudo-terminal and copies everything written to it to its stdout.
            var result = ShimProcessRunner.Run(user, script, ["-q", "-e", "-c", line, "/dev/null"], environment, work, TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0, result.ToString());
            var uv = NativeUvRecord.TryRead(record) ?? throw new Xunit.Sdk.XunitException("uv did not run: " + result);
            Assert.True(uv.StdinIsTerminal && uv.StdoutIsTerminal && uv.StderrIsTerminal, $"uv's streams: {uv}");
            Assert.Equal(Expected(user, command), uv.Arguments.Select(a => Encoding.UTF8.GetString(a)));
            var expected = command[0] == "lock" ? "hello from uv\r\n" : HostileEnvironmentSpecs.Defaulting + "\r\nhello from uv\r\n";
            Assert.Equal(expected, result.StandardOutput);
        }
    }
}
