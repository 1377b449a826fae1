using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// Runs uvshim (or any program) as a separate process, as a <see cref="TestUser"/>, with an explicit environment,
/// working directory and timeout; captures stdout, stderr, the exit code, the PID of the started process and the
/// fake-uv records written during the run (each run gets its own <c>FAKE_UV_RECORD_DIR</c> unless the environment
/// names one). When the user is switched, the started process is setpriv, which execs its target: its PID is
/// uvshim's, and after uvshim execs uv, the fake's. Never a shell, never a command string.
/// When the tests run with <c>UVSHIM_TEST_UV</c> (a real uv), every child gets it too, unless its environment names it
/// already (an empty value keeps the fake itself): the fake records, then hands over to that uv.
/// (Not named ShimRunner: UvShim.ShimRunner, visible to the tests, would win name lookup in UvShim.Tests.*.)
/// </summary>
[SupportedOSPlatform("linux")]
public static class ShimProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Names the real uv the fake hands over to.</summary>
    public const string RealUvVariable = "UVSHIM_TEST_UV";

    /// <summary>The real uv the tests run against (<c>UVSHIM_TEST_UV</c>), or null for the fake alone.</summary>
    public static string? RealUv =>
        Environment.GetEnvironmentVariable(RealUvVariable) is { Length: > 0 } path ? path : null;

    /// <summary>Runs the uvshim under test (<see cref="ShimBinaries.Shim"/>).</summary>
    public static ProcessResult RunShim(
        TestUser user,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        IReadOnlyList<string>? launcher = null)
    {
        var binaries = ShimBinaries.Shared;
        var merged = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        foreach (var (name, value) in binaries.RuntimeEnvironment)
        {
            merged.TryAdd(name, value);
        }
        return Run(user, binaries.Shim, arguments, merged, workingDirectory, timeout, launcher);
    }

    /// <param name="launcher">When given, a program and its arguments that exec the rest of the command line (what
    /// <see cref="TestUser.CreateStartInfo"/> would start), e.g. <see cref="ReadOnlyMounts.Launcher"/>: the PID stays the same.</param>
    public static ProcessResult Run(
        TestUser user,
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        IReadOnlyList<string>? launcher = null)
    {
        var effective = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        if (RealUv is { } realUv)
        {
            effective.TryAdd(RealUvVariable, realUv);
        }
        if (!effective.TryGetValue("FAKE_UV_RECORD_DIR", out var records))
        {
            records = user.CreateDirectory("fake-uv-records");
            effective["FAKE_UV_RECORD_DIR"] = records;
        }

        var start = user.CreateStartInfo(program, arguments, effective, workingDirectory ?? user.Home);
        if (launcher is { Count: > 0 })
        {
            List<string> launched = [start.FileName, .. start.ArgumentList];
            start.FileName = launcher[0];
            start.ArgumentList.Clear();
            foreach (var argument in launcher.Skip(1).Concat(launched))
            {
                start.ArgumentList.Add(argument);
            }
        }
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;

        using var process = new Process { StartInfo = start };
        process.Start();
        var processId = process.Id;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(
                $"`{program} {string.Join(' ', start.ArgumentList)}` did not finish within {limit} and was killed.\n"
                + $"--- stdout ---\n{stdout.Result}\n--- stderr ---\n{stderr.Result}");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, processId, effective, FakeUvRecord.ReadAll(records));
    }
}
