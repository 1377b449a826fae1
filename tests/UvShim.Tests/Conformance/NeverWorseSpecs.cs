using System.Runtime.Versioning;
using System.Text;
using UvShim.FakeUv;
using UvShim.FakeUv.Grammar;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;
using Xunit.Abstractions;

namespace UvShim.Tests.Conformance;

/// <summary>
/// "Never worse than uv alone", as a property: command lines generated from uv's grammar (each one uv accepts), for
/// every command uvshim touches, in each kind of environment. Every outcome is one of: the same bytes handed to uv;
/// command lines uv's grammar accepts; or a refusal from <see cref="DocumentedRefusals"/> where uv alone, given the
/// same line, fails too. Where the oldest uv the README supports (<see cref="OldestGrammar"/>) accepts the line, it
/// accepts what uvshim gives uv too. Seeded: <c>UVSHIM_PROPERTY_SEED</c> replays a run, <c>UVSHIM_PROPERTY_LINES</c> sets the
/// lines per command (default 3). The counts are printed.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class NeverWorseSpecs(UserSiteFixture fixture, ITestOutputHelper output) : IClassFixture<UserSiteFixture>
{
    private const int DefaultSeed = 20261201;

    /// <summary>The refusals the README lists under "Never worse than uv", each where uv alone fails too.</summary>
    public static readonly IReadOnlyList<(string Says, string UvAloneFails)> DocumentedRefusals =
    [
        ("externally-managed-environment", "uv refuses an externally managed interpreter (PEP 668)"),
        ("Can not combine '--user'", "uv rejects pip's --user"),
        ("Can not perform a '--user' install", "uv rejects pip's --user"),
        ("Can not uninstall from the user site", "uv rejects pip's --user"),
        ("Can not show the user site", "uv rejects pip's --user"),
        ("cannot find a Python interpreter for --user", "uv rejects pip's --user"),
        ("PYTHONUSERBASE", "uv rejects pip's --user"),
        ("cannot sync into the user site with", "uv cannot open or write the project environment"),
    ];

    private static readonly string[] Kinds = ["venv", "writable system", "unwritable system", "externally managed", "user site off", "user base as project environment"];

    /// <summary>The oldest supported uv's grammar (README, "Supported uv versions"), from scripts/uv-grammar.py on its tag.</summary>
    internal static readonly Lazy<ClapCommand> OldestGrammar = new(() => ClapCommand.Build(UvGrammar.Read(
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "grammar", "uv-0.11.20.json"))).Root));

    public static TheoryData<string> Environments => new(Kinds);

    [LinuxTheory]
    [MemberData(nameof(Environments))]
    public void Every_generated_line_is_handed_over_accepted_by_uv_or_refused_where_uv_alone_fails(string kind)
    {
        // Arrange
        var seed = int.TryParse(System.Environment.GetEnvironmentVariable("UVSHIM_PROPERTY_SEED"), out var s) ? s : DefaultSeed;
        var lines = int.TryParse(System.Environment.GetEnvironmentVariable("UVSHIM_PROPERTY_LINES"), out var n) ? n : 3;
        using var user = TestUser.CreateUnprivileged();
        Directory.CreateDirectory(Path.Combine(user.UserBase, "share"));
        user.GiveOwnership(user.UserBase);
        var (python, environment) = Setting(kind, user);
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);
        var requirements = user.WriteFile(Path.Combine(user.Scratch, "requirements.txt"), fixture.Demo.Path + "\n");
        var values = new LineValues(python.Executable, fixture.Demo.Path, "uvshim-demo", requirements, user.Scratch);
        var generator = new GrammarLineGenerator(new Random(seed + Array.IndexOf(Kinds, kind)), values);
        var counts = new Dictionary<string, int>();
        var failures = new StringBuilder();
        string? Lookup(string name) => environment.TryGetValue(name, out var value) ? value : null;

        // Act and assert, line by line
        foreach (var command in GrammarLineGenerator.Commands)
        {
            for (var i = 0; i < lines; i++)
            {
                var line = generator.Next(command, Lookup, out var rejected);
                Count(counts, "rejected by uv's grammar while generating", rejected);
                if (line is null)
                    continue;
                var outcome = Check(user, line, environment, project.Directory, Lookup, out var problem);
                Count(counts, outcome, 1);
                if (problem is not null)
                    failures.Append($"\n[{kind}] uv {Show(line)}\n  {problem}");
            }
        }

        output.WriteLine($"seed {seed}, {kind}: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}")));
        Assert.True(failures.Length == 0, $"seed {seed} (UVSHIM_PROPERTY_SEED={seed} replays it):{failures}");
    }

    private string Check(TestUser user, IReadOnlyList<string> line, Dictionary<string, string> environment, string directory,
        Func<string, string?> lookup, out string? problem)
    {
        problem = null;
        var result = ShimProcessRunner.RunShim(user, line, environment, directory);
        if (result.Records.Count == 1 && result.Records[0].Arguments.SequenceEqual(line))
            return "handed over byte for byte";
        if (result.Records.Count > 0)
        {
            var oldestAccepts = Accepts(OldestGrammar.Value, line, lookup) is null;
            foreach (var record in result.Records)
            {
                string? Env(string name) => record.Environment.TryGetValue(name, out var v) ? v : null;
                if (Accepts(UvGrammar.Root, record.Arguments, Env) is { } error)
                    problem = $"uvshim gave uv `{Show(record.Arguments)}`, which uv rejects: {error}";
                else if (oldestAccepts && Accepts(OldestGrammar.Value, record.Arguments, Env) is { } old)
                    problem = $"uvshim gave uv `{Show(record.Arguments)}`, which the oldest supported uv rejects: {old}";
            }
            return "rewritten into lines uv accepts";
        }
        if (result.ExitCode != 2 || !result.StandardError.StartsWith("uvshim: ", StringComparison.Ordinal))
        {
            problem = $"neither a hand-over nor a refusal: {result}";
            return "broken";
        }
        if (!DocumentedRefusals.Any(r => result.StandardError.Contains(r.Says, StringComparison.Ordinal)))
            problem = $"a refusal that is not documented: {result.StandardError.Trim()}";
        var alone = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, line, environment, directory);
        if (alone.ExitCode == 0)
            problem = $"uvshim refused ({result.StandardError.Trim()}), but uv alone completes it:\n{alone}";
        return "refused where uv alone fails too";
    }

    private static string? Accepts(ClapCommand grammar, IReadOnlyList<string> line, Func<string, string?> environment)
    {
        try
        {
            UvParser.Parse(grammar, line, environment);
            return null;
        }
        catch (Exception e) when (e is ClapError or UvError)
        {
            return e.Message.Split('\n')[0];
        }
    }

    private (TestInterpreter Python, Dictionary<string, string> Environment) Setting(string kind, TestUser user)
    {
        var unwritable = TestInterpreters.UnwritableCopy;
        switch (kind)
        {
            case "venv":
                var venv = Path.Combine(user.Home, "venv");
                var created = ShimProcessRunner.Run(user, unwritable.Executable, ["-m", "venv", "--without-pip", venv], user.Environment(IntegrationFixture.PathWith(unwritable)));
                Assert.True(created.ExitCode == 0, created.ToString());
                var environment = fixture.ShimEnvironment(user, unwritable, ("VIRTUAL_ENV", venv));
                environment["PATH"] = IntegrationFixture.PathWith(null, Path.Combine(venv, "bin"), unwritable.BinDirectory);
                return (unwritable, environment);
            case "writable system":
                // A copy of the user's own: the shared WritableCopy is root's, and not writable by this user.
                var own = TestInterpreters.CreatePrivateWritableCopy("never-worse");
                user.GiveOwnership(own.Prefix);
                return (own, fixture.ShimEnvironment(user, own, ("UV_SYSTEM_PYTHON", "1")));
            case "unwritable system":
                return (unwritable, fixture.ShimEnvironment(user, unwritable, ("UV_SYSTEM_PYTHON", "1")));
            case "externally managed":
                var debian = TestInterpreters.DebianSystem
                    ?? throw new InvalidOperationException("Debian's /usr/bin/python3 is missing: run scripts/prerequisites.sh");
                return (debian, fixture.ShimEnvironment(user, debian, ("UV_SYSTEM_PYTHON", "1")));
            case "user site off":
                return (unwritable, fixture.ShimEnvironment(user, unwritable, ("UV_SYSTEM_PYTHON", "1"), ("PYTHONNOUSERSITE", "1")));
            default:
                return (unwritable, fixture.ShimEnvironment(user, unwritable, ("UV_PROJECT_ENVIRONMENT", user.UserBase)));
        }
    }

    private static void Count(Dictionary<string, int> counts, string what, int by)
    {
        if (by > 0)
            counts[what] = counts.GetValueOrDefault(what) + by;
    }

    private static string Show(IEnumerable<string> line) => string.Join(' ', line.Select(a => a.Length == 0 || a.Contains(' ') ? $"'{a}'" : a));
}
