using System.Runtime.Versioning;
using System.Text;
using UvShim.Platform;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Platform;

/// <summary>
/// The two ways uvshim captures a short child (posix_spawn on Unix, CliWrap where there is none) give the same
/// result for the same child: output, the end of stderr, the exit, and the same failures at the same limits.
/// Both run here, in the test process: they start a child and wait for it, they never exec.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CaptureSpecs
{
    private static readonly CaptureLimits Limits = new(TimeSpan.FromSeconds(30), MaxOutputBytes: 64 * 1024, KeptErrorBytes: 16);

    public static TheoryData<string> Ways => ["posix_spawn", "CliWrap"];

    private static Task<CapturedRun> Run(string way, string script, CaptureLimits? limits = null) =>
        Run(way, "/bin/sh", ["-c", script], limits);

    private static async Task<CapturedRun> Run(string way, string executable, string[] arguments, CaptureLimits? limits = null) =>
        way == "CliWrap"
            ? await CliWrapCapture.RunAsync(executable, arguments, limits ?? Limits)
            : SpawnCapture.Run(executable, arguments, limits ?? Limits);

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public async Task Output_the_end_of_stderr_and_the_exit_code_come_back(string way)
    {
        var run = await Run(way, "printf 'out\\0put'; printf 'a long first line\\nlast line\\n' >&2; exit 3");

        Assert.Equal("out\0put"u8.ToArray(), run.Output);
        Assert.Equal(" line\nlast line\n", run.ErrorTail); // the last 16 bytes
        Assert.Equal(3, run.ExitCode);
        Assert.Null(run.Signal);
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public async Task The_child_reads_an_empty_stdin_and_gets_the_arguments_as_given(string way)
    {
        var run = await Run(way, "/bin/sh", ["-c", "cat; printf '%s|' \"$@\"", "sh", "two words", "", "'quoted'", "a\\b"]);

        Assert.Equal("two words||'quoted'|a\\b|", Encoding.UTF8.GetString(run.Output));
        Assert.Equal(0, run.ExitCode);
    }

    [LinuxFact]
    public async Task A_child_killed_by_a_signal_is_reported_as_such_by_posix_spawn_and_as_128_plus_it_by_CliWrap()
    {
        Assert.Equal((null, 9), ((await Run("posix_spawn", "kill -KILL $$")).ExitCode, (await Run("posix_spawn", "kill -KILL $$")).Signal));
        Assert.Equal(137, (await Run("CliWrap", "kill -KILL $$")).ExitCode);
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public async Task Output_over_the_limit_stops_the_child_at_once(string way)
    {
        var started = DateTime.UtcNow;

        var failure = await Assert.ThrowsAsync<CaptureFailedException>(() => Run(way, "exec yes"));

        Assert.Equal(CaptureFailure.TooMuchOutput, failure.Failure);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "stopped by the timeout, not by the limit");
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public async Task A_child_that_outlives_the_timeout_is_killed(string way)
    {
        var pidFile = Path.GetTempFileName();
        try
        {
            var failure = await Assert.ThrowsAsync<CaptureFailedException>(() =>
                Run(way, $"echo $$ > '{pidFile}'; exec sleep 300", Limits with { Timeout = TimeSpan.FromMilliseconds(500) }));

            Assert.Equal(CaptureFailure.TimedOut, failure.Failure);
            var pid = File.ReadAllText(pidFile).Trim();
            Assert.False(File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z'),
                $"the child (PID {pid}) is still running");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public async Task A_child_that_closes_its_output_and_lives_on_is_killed_at_the_timeout(string way)
    {
        var failure = await Assert.ThrowsAsync<CaptureFailedException>(() =>
            Run(way, "exec >&- 2>&-; sleep 300", Limits with { Timeout = TimeSpan.FromMilliseconds(500) }));

        Assert.Equal(CaptureFailure.TimedOut, failure.Failure);
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public async Task A_program_that_does_not_exist_is_not_started(string way)
    {
        var failure = await Assert.ThrowsAsync<CaptureFailedException>(() => Run(way, "/nonexistent/python3", []));

        Assert.Equal(CaptureFailure.NotStarted, failure.Failure);
        Assert.NotEmpty(failure.Message); // posix_spawn's strerror, or CliWrap's sentence
    }
}
