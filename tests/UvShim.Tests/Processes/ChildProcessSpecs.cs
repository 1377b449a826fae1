using System.Runtime.Versioning;
using System.Text;
using UvShim.Processes;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Processes;

/// <summary>
/// The two backends of uvshim's one child runner (posix_spawn on Unix, CliWrap on Windows and where the C library cannot
/// start a child in another directory) give the same result for the same request: output, the end of stderr, the exit,
/// and the same failures at the same limits. Both run here, in the test process: they start a child and wait for it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ChildProcessSpecs
{
    public static TheoryData<string> Ways => ["posix_spawn", "CliWrap"];

    private static ChildRequest Shell(string script, int keptErrorBytes = 16) =>
        ChildRequest.Captured("/bin/sh", ["-c", script], TimeSpan.FromSeconds(30), maxOutputBytes: 64 * 1024, keptErrorBytes);

    private static ChildResult Run(string way, ChildRequest request) =>
        way == "CliWrap" ? CliWrapChild.Run(request) : PosixChild.Run(request);

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public void Output_the_end_of_stderr_and_the_exit_code_come_back(string way)
    {
        var run = Run(way, Shell("printf 'out\\0put'; printf 'a long first line\\nlast line\\n' >&2; exit 3"));

        Assert.Equal("out\0put"u8.ToArray(), run.Output);
        Assert.Equal(" line\nlast line\n", run.ErrorText); // the last 16 bytes
        Assert.Equal(3, run.ExitCode);
        Assert.Null(run.Signal);
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public void A_captured_child_reads_an_empty_stdin_and_gets_the_arguments_as_given(string way)
    {
        var run = Run(way, ChildRequest.Captured("/bin/sh", ["-c", "cat; printf '%s|' \"$@\"", "sh", "two words", "", "'quoted'", "a\\b"],
            TimeSpan.FromSeconds(30), 64 * 1024, 1024));

        Assert.Equal("two words||'quoted'|a\\b|", run.OutputText);
        Assert.Equal(0, run.ExitCode);
    }

    [LinuxFact]
    public void Posix_spawn_passes_argument_bytes_that_are_not_UTF_8_unchanged()
    {
        byte[] invalid = [0x66, 0xff, 0xfe, 0x6f];
        var request = Shell("printf '%s' \"$1\"") with { Arguments = ["-c"u8.ToArray(), "printf '%s' \"$1\""u8.ToArray(), "sh"u8.ToArray(), invalid] };

        Assert.Equal(invalid, PosixChild.Run(request).Output);
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public void Environment_additions_are_set_removals_removed_and_the_working_directory_is_the_one_asked_for(string way)
    {
        Environment.SetEnvironmentVariable("UVSHIM_SPEC_REMOVED", "still here");
        try
        {
            var request = Shell("printf '%s|%s|%s' \"$UVSHIM_SPEC_ADDED\" \"${UVSHIM_SPEC_REMOVED-unset}\" \"$(pwd)\"") with
            {
                Environment = new Dictionary<string, string?> { ["UVSHIM_SPEC_ADDED"] = "a b", ["UVSHIM_SPEC_REMOVED"] = null },
                WorkingDirectory = "/tmp",
            };

            Assert.Equal("a b|unset|/tmp", Run(way, request).OutputText);
        }
        finally
        {
            Environment.SetEnvironmentVariable("UVSHIM_SPEC_REMOVED", null);
        }
    }

    [LinuxFact]
    public void A_child_killed_by_a_signal_is_reported_as_such_by_posix_spawn_and_as_128_plus_it_by_CliWrap()
    {
        var spawned = PosixChild.Run(Shell("kill -KILL $$"));
        Assert.Equal((null, 9, 137), (spawned.ExitCode, spawned.Signal, spawned.ShellCode));
        Assert.Equal(137, CliWrapChild.Run(Shell("kill -KILL $$")).ShellCode);
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public void Output_over_the_limit_stops_the_child_at_once(string way)
    {
        var started = DateTime.UtcNow;

        var failure = Assert.Throws<ChildFailedException>(() => Run(way, Shell("exec yes")));

        Assert.Equal(ChildFailure.TooMuchOutput, failure.Failure);
        Assert.Equal("/bin/sh printed more than uvshim reads and was stopped", failure.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "stopped by the timeout, not by the limit");
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public void A_child_that_outlives_the_timeout_is_killed(string way)
    {
        var pidFile = Path.GetTempFileName();
        try
        {
            var failure = Assert.Throws<ChildFailedException>(() =>
                Run(way, Shell($"echo $$ > '{pidFile}'; exec sleep 300") with { Timeout = TimeSpan.FromMilliseconds(500) }));

            Assert.Equal(ChildFailure.TimedOut, failure.Failure);
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
    public void A_child_that_closes_its_output_and_lives_on_is_killed_at_the_timeout(string way)
    {
        var failure = Assert.Throws<ChildFailedException>(() =>
            Run(way, Shell("exec >&- 2>&-; sleep 300") with { Timeout = TimeSpan.FromMilliseconds(500) }));

        Assert.Equal(ChildFailure.TimedOut, failure.Failure);
    }

    [LinuxFact]
    public void A_child_whose_output_is_not_captured_is_killed_at_the_timeout_too()
    {
        var request = Shell("sleep 300") with { Output = ChildStream.Discard, Error = ChildStream.Discard, Timeout = TimeSpan.FromMilliseconds(500) };

        Assert.Equal(ChildFailure.TimedOut, Assert.Throws<ChildFailedException>(() => PosixChild.Run(request)).Failure);
    }

    [LinuxTheory]
    [MemberData(nameof(Ways))]
    public void A_program_that_does_not_exist_is_not_started_and_says_so_in_one_line(string way)
    {
        var failure = Assert.Throws<ChildFailedException>(() => Run(way, ChildRequest.Of("/nonexistent/python3", [])));

        Assert.Equal(ChildFailure.NotStarted, failure.Failure);
        Assert.StartsWith("cannot run /nonexistent/python3: ", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.NotEmpty(failure.Detail); // posix_spawn's strerror, or CliWrap's sentence
    }
}
