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
/// its default. Each for a command handed over unchanged, for a rewritten install, and for a rewritten install whose
/// scripts directory is not on PATH, which uvshim runs as a child to name the scripts afterwards: the same outcomes but
/// the PID. The parent is <see cref="ShimDriver"/> (a C program that forks, execs and waits, as a shell does) or
/// <c>script</c> for the terminal.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ProcessFaultSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    /// <summary>A command and whether uv gets uvshim's PID (exec) or runs as its child.</summary>
    public sealed record Variant(string Name, string[] Command, bool ScriptsOnPath, bool Exec)
    {
        public override string ToString() => Name;
    }

    private Variant[] Variants =>
    [
        new("hand-over", ["lock"], ScriptsOnPath: true, Exec: true),
        new("rewrite", ["pip", "install", fixture.Wheel.Path], ScriptsOnPath: true, Exec: true),
        new("rewrite, scripts off PATH", ["pip", "install", fixture.Wheel.Path], ScriptsOnPath: false, Exec: false),
    ];

    private IReadOnlyList<string> Expected(TestUser user, string[] command) =>
        command[0] == "lock" ? command : ["pip", "install", "--prefix", user.UserBase, "--python", TestInterpreters.UnwritableCopy.Executable, fixture.Wheel.Path];

    private Dictionary<string, string> Environment(TestUser user, Variant variant, params (string, string)[] extra)
    {
        var environment = fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy, [("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_UV", NativeTools.Shared.NativeUv), .. extra]);
        if (variant.ScriptsOnPath)
            environment["PATH"] = Path.Combine(user.UserBase, "bin") + ":" + environment["PATH"];
        return environment;
    }

    private static List<byte[]> Bytes(IEnumerable<string> arguments) => arguments.Select(a => Encoding.UTF8.GetBytes(a)).ToList();

    private static void SameProcessAsExec(Variant variant, DriverOutcome outcome)
    {
        if (variant.Exec)
            Assert.Equal(outcome.ProcessId, outcome.Record!.ProcessId);
        else
            Assert.NotEqual(outcome.ProcessId, outcome.Record!.ProcessId); // uv ran as a child, not in uvshim's place
    }

    private IReadOnlyList<(Variant Variant, DriverOutcome Outcome)> Drive(
        TestUser user, Func<Variant, int, DriverCase[]> cases, (string, string)[] extra, int parallelism, TimeSpan timeout)
    {
        var work = user.CreateDirectory("work");
        var results = new List<(Variant, DriverOutcome)>();
        foreach (var (variant, index) in Variants.Select((v, i) => (v, i)))
        {
            var outcomes = ShimDriver.Run(user, fixture.Binaries.Shim, cases(variant, index), Environment(user, variant, extra), work, parallelism, timeout);
            results.AddRange(outcomes.Select(o => (variant, o)));
        }
        return results;
    }

    [LinuxFact]
    public void Every_exit_status_from_0_to_255_comes_back_unchanged()
    {
        using var user = TestUser.CreateUnprivileged();

        var outcomes = Drive(user, (variant, _) => Enumerable.Range(0, 256).Select(code => new DriverCase(code, Bytes(variant.Command), ExitCode: code)).ToArray(),
            [], parallelism: 4, TimeSpan.FromMinutes(10));

        Assert.Equal(768, outcomes.Count);
        Assert.All(outcomes, run =>
        {
            Assert.True(run.Outcome.Status.Exited && run.Outcome.Status.ExitCode == run.Outcome.Case.ExitCode, $"{run.Variant}: {run.Outcome}");
            SameProcessAsExec(run.Variant, run.Outcome);
        });
    }

    [LinuxTheory]
    [InlineData(2)]  // SIGINT
    [InlineData(15)] // SIGTERM
    public void A_signal_sent_to_uvshims_PID_reaches_uv_and_the_parent_sees_uv_killed_by_it(int signal)
    {
        using var user = TestUser.CreateUnprivileged();

        // native-uv records, then sleeps; the driver sends the signal to the PID it forked (uvshim's) once the record is there.
        var outcomes = Drive(user, (variant, _) => [new DriverCase(0, Bytes(variant.Command), Signal: signal)],
            [("NATIVE_UV_SLEEP", "60")], parallelism: 1, TimeSpan.FromMinutes(2));

        Assert.All(outcomes, run =>
        {
            Assert.True(run.Outcome.Status.Signaled && run.Outcome.Status.Signal == signal, $"{run.Variant}: {run.Outcome}");
            SameProcessAsExec(run.Variant, run.Outcome);
            Assert.Equal(Expected(user, run.Variant.Command), run.Outcome.Record!.Arguments.Select(a => Encoding.UTF8.GetString(a)));
        });
    }

    [LinuxTheory]
    [InlineData(6)]  // SIGABRT
    [InlineData(9)]  // SIGKILL
    [InlineData(11)] // SIGSEGV
    public void When_uv_dies_of_a_signal_the_parent_sees_that_signal(int signal)
    {
        using var user = TestUser.CreateUnprivileged();

        var outcomes = Drive(user, (variant, _) => [new DriverCase(0, Bytes(variant.Command))],
            [("NATIVE_UV_RAISE", signal.ToString(System.Globalization.CultureInfo.InvariantCulture))], parallelism: 1, TimeSpan.FromMinutes(2));

        Assert.All(outcomes, run =>
        {
            Assert.True(run.Outcome.Status.Signaled && run.Outcome.Status.Signal == signal, $"{run.Variant}: {run.Outcome}");
            SameProcessAsExec(run.Variant, run.Outcome);
            Assert.DoesNotContain("uvshim: WARNING", run.Outcome.StandardErrorText);
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

        var outcomes = ShimDriver.Run(user, fixture.Binaries.Shim, cases, Environment(user, Variants[0], ("NATIVE_UV_SLEEP", "60")), work, parallelism: 1, TimeSpan.FromMinutes(2));

        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Status.Signaled && outcome.Status.Signal == signal, outcome.ToString());
        Assert.NotEqual(outcome.ProcessId, outcome.Record!.ProcessId); // uv ran as a child, not in uvshim's place
        Assert.Equal(["pip", "list", "--format", "json"], outcome.Record.Arguments.Select(a => Encoding.UTF8.GetString(a)));
    }

    [LinuxFact]
    public void Uv_starts_with_SIGPIPE_and_every_other_signal_at_its_default()
    {
        using var user = TestUser.CreateUnprivileged();

        // The driver starts uvshim with no signal ignored; the .NET runtime then ignores SIGPIPE, which must not reach uv.
        var outcomes = Drive(user, (variant, _) => [new DriverCase(0, Bytes(variant.Command))], [], parallelism: 1, TimeSpan.FromMinutes(2));

        Assert.All(outcomes, run =>
        {
            Assert.True(run.Outcome.Status is { Exited: true, ExitCode: 0 }, $"{run.Variant}: {run.Outcome}");
            Assert.False(run.Outcome.Record!.SigpipeIgnored, $"{run.Variant}: SIGPIPE ignored at exec: SigIgn {run.Outcome.Record.SigIgn}");
            Assert.True(run.Outcome.Record.NoSignalIgnored, $"{run.Variant}: signals ignored at exec: SigIgn {run.Outcome.Record.SigIgn}");
        });
    }

    [LinuxFact]
    public void Under_a_pseudo_terminal_uv_sees_a_terminal_on_all_three_streams_and_uvshim_writes_no_stray_bytes()
    {
        var script = ExecutableLookup.Require("script");
        foreach (var variant in Variants)
        {
            using var user = TestUser.CreateUnprivileged();
            var work = user.CreateDirectory("work");
            var record = Path.Combine(user.CreateDirectory("record"), "uv.rec");
            var environment = Environment(user, variant, ("NATIVE_UV_RECORD", record), ("NATIVE_UV_PRINT", "hello from uv"), ("SHELL", "/bin/sh"));
            var line = "exec " + string.Join(' ', variant.Command.Prepend(fixture.Binaries.Shim).Select(a => "'" + a.Replace("'", "'\\''") + "'"));

            // script(1) runs the line on a new pseudo-terminal and copies everything written to it to its stdout.
            var result = ShimProcessRunner.Run(user, script, ["-q", "-e", "-c", line, "/dev/null"], environment, work, TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0, $"{variant}: {result}");
            var uv = NativeUvRecord.TryRead(record) ?? throw new Xunit.Sdk.XunitException($"{variant}: uv did not run: {result}");
            Assert.True(uv.StdinIsTerminal && uv.StdoutIsTerminal && uv.StderrIsTerminal, $"{variant}: uv's streams: {uv}");
            Assert.Equal(Expected(user, variant.Command), uv.Arguments.Select(a => Encoding.UTF8.GetString(a)));
            // native-uv installs nothing, so the off-PATH run has no script to name either: only pip's one note.
            var expected = variant.Command[0] == "lock" ? "hello from uv\r\n" : HostileEnvironmentSpecs.Defaulting + "\r\nhello from uv\r\n";
            Assert.Equal(expected, result.StandardOutput);
        }
    }
}
