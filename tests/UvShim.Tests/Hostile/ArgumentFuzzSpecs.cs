using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using UvShim.FakeUv;
using UvShim.FakeUv.Grammar;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace UvShim.Tests.Hostile;

/// <summary>
/// Issue "hostile input" §1: seeded, reproducible argument fuzzing through the real process. Each line is run by
/// <see cref="ShimDriver"/> (raw bytes, invalid UTF-8 included) against <see cref="NativeTools.NativeUv"/>, as the
/// unprivileged user, with an unwritable system Python first on PATH and <c>UV_SYSTEM_PYTHON=1</c> (the setting in
/// which installs are rewritten). What must happen is decided by how <see cref="FuzzLineGenerator"/> built the line:
/// a line uvshim hands over unchanged (docs/design.md, "One path") reaches uv with exactly its bytes, in the same process, with no signal ignored; a
/// rewritten install line differs only in the tokens the rewrite changes (docs/design.md, "Layouts"); and no line crashes uvshim.
/// Two seeds: a fixed one, and one per test run (<c>UVSHIM_FUZZ_SEED</c> replays one); both are printed, and a
/// failure names its seed. Each at two sizes (<see cref="FuzzLinesAttribute"/>): <see cref="QuickLineCount"/> lines in every
/// tier, and <see cref="FullLineCount"/> with the packed NativeAOT binary (scripts/test.sh); a bare <c>dotnet test</c> runs
/// the framework-dependent apphost, about fifty times slower per line, and reports the full size Skipped.
/// <para>
/// native-uv accepts every command line. So the first lines of each seed (<c>UVSHIM_FUZZ_STRICT_COUNT</c>, default 100,
/// 25 with the apphost: the .NET fake costs about 0.2 s of CPU a run) also go to the strict fake uv, which parses them
/// as uv 0.12.5 does and, with <c>FAKE_UV_EXIT=0</c>, only records and judges: exit 0 where uv accepts the line, uv's
/// error and exit 2 where it does not. The same byte checks apply; the exit code must be uv's verdict on what it got
/// (uvshim passes it through), and what uvshim hands over must be a line uv accepts whenever uv alone accepts the
/// line as given (the README's first promise). Only the hand-over by exec is judged: uv runs that uvshim starts as
/// children (merged views, <c>uv python find</c>) are not matched to their line.
/// </para>
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ArgumentFuzzSpecs(IntegrationFixture fixture, ITestOutputHelper output) : IClassFixture<IntegrationFixture>
{
    public const int FixedSeed = 20_260_826;

    public const int FullLineCount = 10_000;

    public const int QuickLineCount = 400;

    private const int MaxReportedFailures = 15;

    [LinuxTheory]
    [FuzzLines(QuickLineCount)]
    [FuzzLines(FullLineCount, needsNativeShim: true)]
    public void Generated_command_lines_from_the_fixed_seed_reach_uv_exactly_as_the_spec_says(int lines) =>
        Fuzz(FixedSeed, "fixed seed", lines, scriptsOnPath: true);

    [LinuxTheory]
    [FuzzLines(QuickLineCount)]
    [FuzzLines(FullLineCount, needsNativeShim: true)]
    public void Generated_command_lines_from_this_runs_seed_reach_uv_exactly_as_the_spec_says(int lines)
    {
        var replay = Environment.GetEnvironmentVariable("UVSHIM_FUZZ_SEED");
        var seed = replay is { Length: > 0 }
            ? int.Parse(replay, CultureInfo.InvariantCulture)
            : (int)(DateTime.UtcNow.Ticks % int.MaxValue);
        // The user's scripts directory off PATH: a rewritten install may then run as uvshim's child, with the same bytes.
        Fuzz(seed, replay is { Length: > 0 } ? "seed from UVSHIM_FUZZ_SEED" : "time-based seed", lines, scriptsOnPath: false);
    }

    public const int NativeStrictLineCount = 100;

    public const int ApphostStrictLineCount = 25;

    /// <summary>Lines per seed that also go to the strict fake: UVSHIM_FUZZ_STRICT_COUNT, else by the kind of uvshim binary.</summary>
    public static int StrictLineCount =>
        Environment.GetEnvironmentVariable("UVSHIM_FUZZ_STRICT_COUNT") is { Length: > 0 } count
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : IsFrameworkDependent(ShimBinaries.Shared.Shim) ? ApphostStrictLineCount : NativeStrictLineCount;

    private static bool IsFrameworkDependent(string shim) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(shim)!, "uvshim.dll"));

    private void Fuzz(int seed, string kind, int count, bool scriptsOnPath)
    {
        // Arrange
        var native = NativeTools.Shared;
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("fuzz-work");
        var python = TestInterpreters.UnwritableCopy;
        var target = new FuzzTarget(user.UserBase, python.Executable, PythonValues(python, work));
        var generator = new FuzzLineGenerator(seed, target);
        var lines = Enumerable.Range(0, count).Select(generator.Next).ToList();
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("UVSHIM_UV", native.NativeUv));
        if (scriptsOnPath)
            environment["PATH"] = Path.Combine(user.UserBase, "bin") + ":" + environment["PATH"];
        var withProject = new Dictionary<string, string>(environment) { ["UV_PROJECT_ENVIRONMENT"] = user.UserBase };
        var parallelism = Math.Clamp(Environment.ProcessorCount, 2, 8);
        output.WriteLine($"fuzz: {kind} {seed} (replay with UVSHIM_FUZZ_SEED={seed}), {count} lines, {ShimBinaries.Shared.Shim}");

        // Act
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<int, DriverOutcome>();
        foreach (var (group, env) in new[] { (lines.Where(l => !l.WithProjectEnvironment), environment), (lines.Where(l => l.WithProjectEnvironment), withProject) })
        {
            var cases = group.Select(l => new DriverCase(l.Id, l.Arguments)).ToList();
            foreach (var outcome in ShimDriver.Run(user, fixture.Binaries.Shim, cases, env, work, parallelism, TimeSpan.FromMinutes(20)))
                outcomes[outcome.Case.Id] = outcome;
        }
        clock.Stop();
        var strictLines = lines.Take(StrictLineCount).ToList();
        var strict = StrictOutcomes(user, python, work, strictLines, parallelism);

        // Assert
        var failures = lines.Select(l => (Line: l, Problem: Check(l, outcomes[l.Id], scriptsOnPath)))
            .Concat(strictLines.Select(l => (Line: l, Problem: CheckStrict(l, strict.Outcomes[l.Id], strict.Records, strict.Environment(l)))))
            .Where(f => f.Problem is not null)
            .Select(f => (f.Line, Problem: f.Problem!))
            .ToList();
        var tally = string.Join(", ", lines.GroupBy(l => l.Expectation).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        var judged = strictLines.Select(l => StrictRecord(strict.Records, strict.Outcomes[l.Id])).OfType<FakeUvRecord>().ToList();
        var rejected = judged.Count(r => UvVerdict(r.ArgumentBytes, r.Environment) is not null);
        output.WriteLine($"fuzz: {count} lines in {clock.Elapsed.TotalSeconds:0.0} s ({parallelism} drivers): {tally}; "
            + $"the first {strictLines.Count} also to the strict fake uv, which judged {judged.Count} hand-overs and rejected {rejected}; {failures.Count} failed");
        if (failures.Count > 0)
        {
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"{failures.Count} of {count} generated command lines failed ({kind} {seed}; replay with UVSHIM_FUZZ_SEED={seed} {FuzzLinesAttribute.CountVariable}={count}).");
            foreach (var (line, problem) in failures.Take(MaxReportedFailures))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"--- line {line.Id} ({line.Shape}, expected {line.Expectation}): {problem}")
                    .AppendLine("argv:     " + FuzzLineGenerator.Show(line.Arguments));
                if (line.ExpectedArguments is { } expected)
                    report.AppendLine("expected: " + FuzzLineGenerator.Show(expected));
                var outcome = problem.StartsWith(StrictPrefix, StringComparison.Ordinal) ? strict.Outcomes[line.Id] : outcomes[line.Id];
                var got = outcome.Record?.Arguments ?? StrictRecord(strict.Records, outcome)?.ArgumentBytes;
                report.AppendLine("uv got:   " + (got is { } g ? FuzzLineGenerator.Show(g) : "(uv did not run)"))
                    .AppendLine(CultureInfo.InvariantCulture, $"status:   {outcome.Status}; stderr: {Trim(outcome.StandardErrorText)}");
            }
            throw new XunitException(report.ToString());
        }
    }

    /// <summary>The <c>--python</c> values a rewritten line may carry, each with the <c>sys.executable</c> its Python reports:
    /// the executable itself, its other names in the same directory (python3.X, python), and a path relative to the working
    /// directory (which uv resolves against it, and which must become absolute in the rewrite).</summary>
    private static List<(string Value, string Executable)> PythonValues(TestInterpreter python, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, python.Executable);
        var values = new List<(string, string)>
        {
            (python.Executable, python.Executable),
            (relative, TestInterpreters.Probe("fuzz --python value", Path.GetFullPath(relative, workingDirectory)).Executable),
        };
        foreach (var name in new[] { "python" + python.MajorMinor, "python" })
        {
            var path = Path.Combine(python.BinDirectory, name);
            if (path != python.Executable && File.Exists(path))
                values.Add((path, TestInterpreters.Probe("fuzz --python value", path).Executable));
        }
        return values;
    }

    /// <summary>Null when the outcome is what the line's expectation demands, else what went wrong.</summary>
    private static string? Check(FuzzLine line, DriverOutcome outcome, bool scriptsOnPath)
    {
        if (!outcome.Status.Exited)
            return $"uvshim did not exit normally: {outcome.Status}";
        var stderr = outcome.StandardErrorText;
        if (stderr.Contains("internal error", StringComparison.Ordinal) || stderr.Contains("Unhandled exception", StringComparison.Ordinal))
            return "uvshim crashed";
        switch (line.Expectation)
        {
            case FuzzExpectation.HandedOverUnchanged or FuzzExpectation.Rewritten:
                var expected = line.ExpectedArguments ?? line.Arguments;
                if (outcome.Status.ExitCode != 0 || outcome.Record is not { } record)
                    return $"uv did not run, or not with its exit code (uvshim: {outcome.Status})";
                if (!record.Arguments.Select(Convert.ToHexString).SequenceEqual(expected.Select(Convert.ToHexString)))
                    return line.Expectation == FuzzExpectation.Rewritten ? "the rewrite changed more than the rewrite allows" : "the bytes uv got differ";
                if (record.ProcessId != outcome.ProcessId && (scriptsOnPath || line.Expectation == FuzzExpectation.HandedOverUnchanged))
                    return $"uv ran as PID {record.ProcessId}, not in uvshim's process {outcome.ProcessId} (no exec)";
                if (!record.NoSignalIgnored)
                    return $"uv started with ignored signals (SigIgn {record.SigIgn})";
                if (outcome.StandardOutput.Length > 0)
                    return "uvshim wrote to stdout";
                if (line.Expectation == FuzzExpectation.HandedOverUnchanged && stderr.Length > 0)
                    return "uvshim wrote to stderr on a hand-over";
                return null;
            default:
                if (outcome.Status.ExitCode is not (0 or 1 or 2))
                    return $"unexpected exit code {outcome.Status.ExitCode}";
                if (outcome.Status.ExitCode == 2 && outcome.Record is null && !stderr.Contains("uvshim: ", StringComparison.Ordinal))
                    return "exit code 2 with no uv run and no uvshim message";
                return null;
        }
    }

    private const string StrictPrefix = "strict fake: ";

    /// <summary>The lines run again with the .NET fake as uv (judging only, <c>FAKE_UV_EXIT=0</c>), and what it recorded.</summary>
    private (Dictionary<int, DriverOutcome> Outcomes, IReadOnlyList<FakeUvRecord> Records, Func<FuzzLine, IReadOnlyDictionary<string, string>> Environment)
        StrictOutcomes(TestUser user, TestInterpreter python, string work, IReadOnlyList<FuzzLine> lines, int parallelism)
    {
        var records = user.CreateDirectory("fuzz-strict-records");
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("FAKE_UV_EXIT", "0"), ("FAKE_UV_RECORD_DIR", records));
        // The user's scripts directory on PATH, so that a rewritten install is exec'd too (no scripts warning to give
        // afterwards) and its record is the one with uvshim's PID.
        environment["PATH"] = Path.Combine(user.UserBase, "bin") + ":" + environment["PATH"];
        var withProject = new Dictionary<string, string>(environment) { ["UV_PROJECT_ENVIRONMENT"] = user.UserBase };
        var outcomes = new Dictionary<int, DriverOutcome>();
        foreach (var (group, env) in new[] { (lines.Where(l => !l.WithProjectEnvironment), environment), (lines.Where(l => l.WithProjectEnvironment), withProject) })
        {
            var cases = group.Select(l => new DriverCase(l.Id, l.Arguments)).ToList();
            if (cases.Count == 0)
                continue;
            foreach (var outcome in ShimDriver.Run(user, fixture.Binaries.Shim, cases, env, work, parallelism, TimeSpan.FromMinutes(20)))
                outcomes[outcome.Case.Id] = outcome;
        }
        return (outcomes, FakeUvRecord.ReadAll(records), l => l.WithProjectEnvironment ? withProject : environment);
    }

    /// <summary>The fake's record of the hand-over by exec: the one with uvshim's PID.</summary>
    private static FakeUvRecord? StrictRecord(IReadOnlyList<FakeUvRecord> records, DriverOutcome outcome) =>
        records.LastOrDefault(r => r.ProcessId == outcome.ProcessId);

    /// <summary>Null when the strict fake's outcome is what the line's expectation and uv's verdicts demand, else what went wrong.</summary>
    private static string? CheckStrict(FuzzLine line, DriverOutcome outcome, IReadOnlyList<FakeUvRecord> records, IReadOnlyDictionary<string, string> environment)
    {
        if (!outcome.Status.Exited)
            return $"{StrictPrefix}uvshim did not exit normally: {outcome.Status}";
        var record = StrictRecord(records, outcome);
        if (record is null)
        {
            return line.Expectation is FuzzExpectation.HandedOverUnchanged or FuzzExpectation.Rewritten
                ? $"{StrictPrefix}uv did not run in uvshim's process (uvshim: {outcome.Status})"
                : null;
        }
        var verdict = UvVerdict(record.ArgumentBytes, record.Environment);
        if (line.Expectation is FuzzExpectation.HandedOverUnchanged or FuzzExpectation.Rewritten)
        {
            var expected = line.ExpectedArguments ?? line.Arguments;
            if (!record.ArgumentBytes.Select(Convert.ToHexString).SequenceEqual(expected.Select(Convert.ToHexString)))
                return $"{StrictPrefix}the bytes uv got differ from what the spec says";
            if (outcome.Status.ExitCode != (verdict is null ? 0 : 2))
                return $"{StrictPrefix}exit code {outcome.Status.ExitCode}, but uv's verdict on what it got is {verdict ?? "accepted"}";
        }
        if (verdict is not null && UvVerdict(line.Arguments, environment) is null)
            return $"{StrictPrefix}uvshim handed uv a command line uv rejects ({verdict}), though uv alone accepts the line as given";
        return null;
    }

    /// <summary>uv 0.12.5's verdict on a command line (the fake's parser, in this process): null when accepted, else its first line.
    /// Bytes are decoded as the .NET runtime decodes the fake's argv (invalid UTF-8 becomes U+FFFD).</summary>
    private static string? UvVerdict(IReadOnlyList<byte[]> arguments, IReadOnlyDictionary<string, string> environment)
    {
        try
        {
            UvParser.Parse(UvGrammar.Root, arguments.Select(a => Encoding.UTF8.GetString(a)).ToList(), name => environment.GetValueOrDefault(name));
            return null;
        }
        catch (ClapError e) when (!e.UseStderr)
        {
            return null;
        }
        catch (ClapError e)
        {
            return e.FirstLine;
        }
        catch (UvError e)
        {
            return "error: " + e.Message;
        }
    }

    private static string Trim(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
