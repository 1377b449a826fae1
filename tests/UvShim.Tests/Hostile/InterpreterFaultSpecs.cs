using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;

namespace UvShim.Tests.Hostile;

/// <summary>
/// Issue "hostile input" §4: the "interpreter" uvshim probes hangs, prints garbage (endlessly, too), fails, or is a
/// pyenv-style shim script. Each is bounded in time, ends in one clear <c>uvshim:</c> line and exit 2 (nothing run, nothing
/// written, no process left behind), or, for the shim script, in the right rewrite.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class InterpreterFaultSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static string Script(TestUser user, string name, string body)
    {
        var path = user.WriteFile(Path.Combine(user.CreateDirectory("interpreters"), name), "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileModes.Public);
        return path;
    }

    private NativeRunResult RunWith(TestUser user, string work, string python, params (string, string)[] extra) =>
        NativeRun.Shim(user, ["pip", "install", "--python", python, fixture.Wheel.Path],
            fixture.ShimEnvironment(user, null, [("UV_SYSTEM_PYTHON", "1"), .. extra]), work, TimeSpan.FromSeconds(60));

    private static void AssertRefused(NativeRunResult run, string line)
    {
        Assert.True(run.Process.ExitCode == 2, run.ToString());
        Assert.Null(run.Record);
        Assert.Equal([line], run.ErrorLines);
    }

    [LinuxFact]
    public void An_interpreter_that_hangs_is_stopped_at_the_probe_timeout_and_killed()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var pidFile = Path.Combine(user.CreateDirectory("pid"), "pid");
        var hanging = Script(user, "python3", $"echo $$ > '{pidFile}'\nexec sleep 300");
        var watch = WriteWatch.Start(user.Home, work);

        var run = RunWith(user, work, hanging, ("UVSHIM_PROBE_TIMEOUT", "1"));

        AssertRefused(run, $"uvshim: the interpreter {hanging} did not answer within 1 s");
        var pid = File.ReadAllText(pidFile).Trim();
        // Killed: gone, or a zombie waiting for a parent that does not reap (PID 1 in some containers).
        var state = File.Exists($"/proc/{pid}/stat") ? File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1][0] : 'X';
        Assert.True(state is 'X' or 'Z', $"the hanging interpreter (PID {pid}) is still running (state {state})");
        watch.AssertNothingWrittenOutside();
    }

    [LinuxTheory]
    [InlineData("echo garbage", "is not a Python uvshim can use: unexpected output 'garbage'")]
    [InlineData("printf 'probe=1\\000executable=/x\\000'", "is not a Python uvshim can use: 'version' missing from the output")]
    [InlineData("printf '\\377\\376\\001 binary'", "is not a Python uvshim can use: unexpected output '\uFFFD\uFFFD  binary'")]
    [InlineData("exit 0", "is not a Python uvshim can use: no output")]
    [InlineData("head -c 5000000 /dev/zero", "is not a Python uvshim can use: it printed more than 1024 KiB")]
    [InlineData("exec yes garbage", "is not a Python uvshim can use: it printed more than 1024 KiB")]
    [InlineData("echo 'Traceback: boom' >&2; exit 3", "exited with 3: Traceback: boom")]
    [InlineData("echo 'Fatal Python error: init_fs_encoding' >&2; exit 1", "exited with 1: Fatal Python error: init_fs_encoding")]
    [InlineData("kill -KILL $$", "was killed by signal 9")]
    [InlineData("exit 255", "exited with 255")]
    public void An_interpreter_that_prints_garbage_or_fails_is_refused_with_a_clear_message(string body, string expected)
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var broken = Script(user, "python3", body);
        var watch = WriteWatch.Start(user.Home, work);

        // The probe timeout stays at its default (10 s): endless output is cut off by size, not by time. A failure
        // gives its exit code (or signal) and the last line of stderr.
        var run = RunWith(user, work, broken);

        AssertRefused(run, $"uvshim: the interpreter {broken} {expected}");
        watch.AssertNothingWrittenOutside();
    }

    [LinuxFact]
    public void An_interpreter_file_that_cannot_be_executed_is_refused()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var file = Script(user, "python3", "exit 0");
        File.SetUnixFileMode(file, UnixFileModes.PublicFile);

        var run = RunWith(user, work, file);

        Assert.True(run.Process.ExitCode == 2, run.ToString());
        Assert.Null(run.Record);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"uvshim: the interpreter {file} could not be started: ", line);
    }

    [LinuxFact]
    public void A_pyenv_style_shim_script_is_followed_to_the_interpreter_it_runs_and_not_cached()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var python = TestInterpreters.UnwritableCopy;
        // Like pyenv's shims: a script named python3, first on PATH, that execs the real interpreter.
        var shim = Script(user, "python3", $"exec '{python.Executable}' \"$@\"");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));
        environment["PATH"] = Path.GetDirectoryName(shim) + ":" + environment["PATH"];
        var watch = WriteWatch.Start(user.Home, work);

        var first = NativeRun.Shim(user, ["pip", "install", fixture.Wheel.Path], new(environment), work);
        var second = NativeRun.Shim(user, ["pip", "install", fixture.Wheel.Path], new(environment), work);

        // uv would run the script, which runs the real interpreter: uvshim pins that one, as sys.executable names it.
        foreach (var run in new[] { first, second })
        {
            Assert.True(run.Process.ExitCode == 0, run.ToString());
            Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, fixture.Wheel.Path], run.Arguments);
            Assert.Contains(HostileEnvironmentSpecs.Defaulting, run.Process.StandardError);
        }
        // A launcher may pick another interpreter next time, so its probe is not cached (as uv does not cache it).
        Assert.False(Directory.Exists(Path.Combine(user.Home, ".cache", "uvshim")) && Directory.EnumerateFiles(Path.Combine(user.Home, ".cache", "uvshim")).Any());
        watch.AssertNothingWrittenOutside(Path.Combine(user.Home, ".cache", "uvshim"));
    }

    public static TheoryData<string, string> StartStates => new()
    {
        // The probe's pipes then get descriptors 0-2, which its child must not mistake for its own stdio.
        { "stdin, stdout and stderr closed", "exec \"$@\" <&- >&- 2>&-" },
        // The kernel then reaps children itself, and waitpid has no exit status to give.
        { "SIGCHLD ignored", "trap '' CHLD; exec \"$@\"" }, // bash: dash does not ignore SIGCHLD for a trap
    };

    [LinuxTheory]
    [MemberData(nameof(StartStates))]
    public void The_probe_works_when_uvshim_starts_with(string state, string launcherScript)
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        var run = NativeRun.Shim(user, ["pip", "install", fixture.Wheel.Path], environment, work, launcher: ["/bin/bash", "-c", launcherScript, "bash"]);

        Assert.True(run.Process.ExitCode == 0, $"{state}: {run}");
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, fixture.Wheel.Path], run.Arguments);
        // uv inherits the signal dispositions uvshim was given, whatever uvshim did for the probe.
        var sigchldIgnored = (ulong.Parse(run.Record!.SigIgn, System.Globalization.NumberStyles.HexNumber) & (1UL << 16)) != 0;
        Assert.Equal(state == "SIGCHLD ignored", sigchldIgnored);
        Assert.False(run.Record.SigpipeIgnored);
        // And the probe's answer was complete: it is cached, as any probe of a real interpreter is.
        Assert.Single(Directory.EnumerateFiles(Path.Combine(user.Home, ".cache", "uvshim")));
    }
}
