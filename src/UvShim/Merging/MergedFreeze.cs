using UvShim.Arguments;
using UvShim.Output;
using UvShim.Planning;

namespace UvShim.Merging;

/// <summary>
/// <c>uv pip freeze</c> against a system interpreter with a user site: both freezes, one line per
/// package, the user site's winning, sorted by name as uv sorts (crates/uv/src/commands/pip/freeze.rs).
/// </summary>
internal static class MergedFreeze
{
    public static Plan Plan(UvArguments arguments, IReadOnlyList<string> userInsert, List<PlanStep> steps)
    {
        var system = MergedList.Texts(arguments, InstallPlanner.Identity(arguments));
        var user = MergedList.Texts(arguments, SlotList.WithPositionals(arguments, arguments.All("--python"), userInsert, []));

        return new Plan.Compose([system, user], invoker => CapturedRuns.SystemThenUser(invoker, system, user, (systemRun, userRun) =>
        {
            StdOut.Write(string.Concat(Merge(Lines(userRun.StandardOutput), Lines(systemRun.StandardOutput)).Select(l => l + "\n")));
            return 0;
        }), [], steps);
    }

    public static IEnumerable<string> Merge(IEnumerable<string> user, IEnumerable<string> system)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in user.Concat(system))
            byName.TryAdd(Key(line), line);
        return byName.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value);
    }

    /// <summary>The package a freeze line is about: <c>name==v</c>, <c>name @ url</c>, or an editable's egg name or directory.</summary>
    private static string Key(string line)
    {
        if (line.StartsWith("-e ", StringComparison.Ordinal))
        {
            var target = line[3..].Trim();
            var egg = target.IndexOf("#egg=", StringComparison.Ordinal);
            var name = egg >= 0 ? target[(egg + 5)..] : Path.GetFileName(target.TrimEnd('/', '\\'));
            return PackageName.Normalize(name);
        }
        var end = line.IndexOfAny(['=', ' ', '@']);
        return PackageName.Normalize(end > 0 ? line[..end] : line);
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
}
