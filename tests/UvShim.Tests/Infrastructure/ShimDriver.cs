using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace UvShim.Tests.Infrastructure;

/// <summary>One run for <see cref="ShimDriver"/>: raw argument bytes, the status native-uv should exit with, and
/// a signal to send once native-uv has started (0: none).</summary>
public sealed record DriverCase(int Id, IReadOnlyList<byte[]> Arguments, int ExitCode = 0, int Signal = 0);

/// <summary>A raw <c>waitpid</c> status, as a shell sees it.</summary>
public readonly record struct WaitStatus(int Raw)
{
    public bool Exited => (Raw & 0x7f) == 0;

    public int ExitCode => (Raw >> 8) & 0xff;

    public bool Signaled => (Raw & 0x7f) is not 0 and not 0x7f;

    public int Signal => Raw & 0x7f;

    public override string ToString() =>
        Exited ? $"exit {ExitCode}" : Signaled ? $"killed by signal {Signal}" : $"wait status 0x{Raw:x}";
}

/// <summary>How one case ended: the PID the driver forked, its wait status, its output, and what native-uv recorded.</summary>
public sealed record DriverOutcome(DriverCase Case, int ProcessId, WaitStatus Status, byte[] StandardOutput, byte[] StandardError, NativeUvRecord? Record)
{
    public string StandardErrorText => Encoding.UTF8.GetString(StandardError);

    public override string ToString() =>
        $"case {Case.Id}: {Status}, pid {ProcessId}, {(Record is null ? "no record" : "recorded")}\n"
        + $"--- stdout ---\n{Encoding.UTF8.GetString(StandardOutput)}\n--- stderr ---\n{StandardErrorText}";
}

/// <summary>
/// Runs a program (uvshim) once per <see cref="DriverCase"/> through <see cref="NativeTools.Driver"/>, as the test user,
/// with exactly the given environment and working directory: cases are split over <c>parallelism</c> drivers that run
/// side by side, each forking and waiting for one case at a time. Every case gets <c>NATIVE_UV_RECORD</c> and
/// <c>NATIVE_UV_EXIT</c>, so with <c>UVSHIM_UV</c> naming <see cref="NativeTools.NativeUv"/> each hand-over is recorded.
/// </summary>
[SupportedOSPlatform("linux")]
public static class ShimDriver
{
    public static IReadOnlyList<DriverOutcome> Run(
        TestUser user,
        string program,
        IReadOnlyList<DriverCase> cases,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        int parallelism,
        TimeSpan timeout)
    {
        var output = user.CreateDirectory("driver");
        var batches = Enumerable.Range(0, Math.Max(1, Math.Min(parallelism, cases.Count)))
            .Select(b => cases.Where((_, i) => i % Math.Max(1, Math.Min(parallelism, cases.Count)) == b).ToList())
            .ToList();
        var processes = new List<(Process Process, List<string> Lines, Task Reader, Task<string> Errors)>();
        try
        {
            for (var b = 0; b < batches.Count; b++)
            {
                var file = Path.Combine(output, $"cases-{b}.txt");
                File.WriteAllLines(file, batches[b].Select(Line));
                var start = user.CreateStartInfo(NativeTools.Shared.Driver, [program, file, output], environment, workingDirectory);
                start.RedirectStandardInput = true;
                start.RedirectStandardOutput = true;
                start.RedirectStandardError = true;
                var process = Process.Start(start) ?? throw new InvalidOperationException("the driver did not start");
                process.StandardInput.Close();
                var lines = new List<string>();
                var reader = Task.Run(async () =>
                {
                    while (await process.StandardOutput.ReadLineAsync() is { } line)
                    {
                        lock (lines)
                        {
                            lines.Add(line);
                        }
                    }
                });
                processes.Add((process, lines, reader, process.StandardError.ReadToEndAsync()));
            }

            var deadline = Stopwatch.StartNew();
            foreach (var (process, lines, reader, errors) in processes)
            {
                var left = timeout - deadline.Elapsed;
                if (left <= TimeSpan.Zero || !process.WaitForExit(left))
                {
                    string last;
                    lock (lines)
                    {
                        last = lines.LastOrDefault(l => l.StartsWith("start ", StringComparison.Ordinal)) ?? "(none)";
                    }
                    throw new TimeoutException($"The driver did not finish within {timeout}; the case running then: {last}.");
                }
                process.WaitForExit();
                reader.Wait(TimeSpan.FromMinutes(1));
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"The driver failed with exit code {process.ExitCode}: {errors.Result}");
                }
            }
        }
        finally
        {
            foreach (var (process, _, _, _) in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }
                process.Dispose();
            }
        }

        var finished = new Dictionary<int, (int Pid, int Status)>();
        foreach (var (_, lines, _, _) in processes)
        {
            foreach (var line in lines.Where(l => !l.StartsWith("start ", StringComparison.Ordinal)))
            {
                var fields = line.Split(' ');
                finished[int.Parse(fields[0], CultureInfo.InvariantCulture)] =
                    (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
            }
        }

        return cases.Select(c =>
        {
            if (!finished.TryGetValue(c.Id, out var done))
            {
                throw new InvalidOperationException($"The driver reported nothing for case {c.Id}.");
            }
            string PathOf(string suffix) => Path.Combine(output, c.Id.ToString(CultureInfo.InvariantCulture) + suffix);
            return new DriverOutcome(
                c,
                done.Pid,
                new WaitStatus(done.Status),
                File.ReadAllBytes(PathOf(".out")),
                File.ReadAllBytes(PathOf(".err")),
                NativeUvRecord.TryRead(PathOf(".rec")));
        }).ToList();
    }

    /// <summary><c>id exit signal x&lt;hex&gt;…</c>: every byte but NUL can be passed.</summary>
    private static string Line(DriverCase c)
    {
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{c.Id} {c.ExitCode} {c.Signal}");
        foreach (var argument in c.Arguments)
        {
            if (argument.Contains((byte)0))
            {
                throw new ArgumentException($"case {c.Id}: an argument cannot hold a NUL byte");
            }
            line.Append(" x").Append(Convert.ToHexStringLower(argument));
        }
        return line.ToString();
    }
}
