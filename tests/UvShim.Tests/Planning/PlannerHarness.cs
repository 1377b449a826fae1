using Serilog.Events;
using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Planning;
using UvShim.Python;
using UvShim.Settings;
using UvShim.Tests.Python;

namespace UvShim.Tests.Planning;

/// <summary>
/// A system Python for the planners, all under a temporary directory: <c>bin/python3</c> (the only one on PATH), its
/// probe (Debian's recorded one, moved there: user base <c>home/.local</c>, no EXTERNALLY-MANAGED) and its user site.
/// Nothing runs: the probe is the recorded text, and <c>uv python find</c> answers nothing and is only noted.
/// </summary>
internal sealed class PlannerHarness : IDisposable
{
    public PlannerHarness()
    {
        Root = Directory.CreateTempSubdirectory("uvshim-planner-").FullName;
        Python3 = Path.Combine(Root, "bin", "python3");
        Directory.CreateDirectory(Path.GetDirectoryName(Python3)!);
        File.WriteAllText(Python3, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Python3, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(UserSite);
        Probe = ProbeOutputParser.Parse(RecordedProbes.Raw("linux-debian-3.11")
            .Replace("=/usr/bin/python3", "=" + Python3)
            .Replace("=/usr/lib/python3.11", "=" + Path.Combine(Root, "stdlib"))
            .Replace("=/usr/local", "=" + Path.Combine(Root, "system"))
            .Replace("=/home/tester", "=" + Path.Combine(Root, "home")));
    }

    public string Root { get; }

    public string Python3 { get; }

    public InterpreterProbe Probe { get; }

    public string UserBase => Path.Combine(Root, "home", ".local");

    public string UserSite => Path.Combine(UserBase, "lib", "python3.11", "site-packages");

    public List<string> AskedUv { get; } = [];

    public void InstallInUserSite(params string[] distInfos)
    {
        foreach (var distInfo in distInfos)
            Directory.CreateDirectory(Path.Combine(UserSite, distInfo));
    }

    public InvocationContext Context(params (string Name, string Value)[] environment)
    {
        var env = new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(Python3)!, ["HOME"] = Path.Combine(Root, "home") };
        foreach (var (name, value) in environment)
            env[name] = value;
        return new InvocationContext(env, Root, new EffectiveSettings(ShimMode.Auto, null, LogEventLevel.Warning, null, TimeSpan.FromSeconds(10), []));
    }

    public TargetFinder Finder() =>
        new(new InterpreterResolver((request, _, _) =>
        {
            AskedUv.Add(request);
            return null;
        }), _ => Probe);

    /// <summary>The texts of a plan's uv command lines: the hand-over's, or each composed or chained run's.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Commands(Plan plan, string[] arguments) =>
        plan switch
        {
            Plan.HandOver handOver => [handOver.Arguments.Select(s => s.OriginalIndex >= 0 ? arguments[s.OriginalIndex] : s.Text).ToList()],
            Plan.Compose compose => compose.Runs.Select(r => (IReadOnlyList<string>)r.Select(s => s.OriginalIndex >= 0 ? arguments[s.OriginalIndex] : s.Text).ToList()).ToList(),
            Plan.Chain chain => chain.Runs.Select(r => (IReadOnlyList<string>)r.Arguments.Select(s => s.OriginalIndex >= 0 ? arguments[s.OriginalIndex] : s.Text).ToList()).ToList(),
            _ => [],
        };

    public static UvArguments Parse(string[] arguments) => UvArguments.Parse(arguments);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
