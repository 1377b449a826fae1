using UvShim.Arguments;
using UvShim.Output;
using UvShim.Planning;

namespace UvShim.Merging;

/// <summary>
/// <c>uv pip freeze</c> against a system interpreter with a user site: both freezes, one line per package, a
/// package in the user site shadowing the system's (as on sys.path), sorted by name as uv sorts
/// (crates/uv/src/commands/pip/freeze.rs).
/// </summary>
internal static class MergedFreeze
{
    /// <param name="inUserSite">The packages installed in the user site (their system copies are shadowed).</param>
    /// <param name="userSites">The user site-packages uv lists for the user run.</param>
    /// <param name="systemSites">The interpreter's site-packages uv lists for the system run.</param>
    public static Plan Plan(UvArguments arguments, IReadOnlyList<string> userInsert, ISet<string> inUserSite,
        IReadOnlyList<string> userSites, IReadOnlyList<string> systemSites, List<PlanStep> steps)
    {
        // One -q at most: freeze prints with -q but not with -qq (printer.rs stdout_important).
        var quiet = Quietness.BeyondFirst(arguments).ToList();
        var system = MergedList.Texts(arguments, SlotList.WithPositionals(arguments, quiet, [], []));
        var user = MergedList.Texts(arguments, SlotList.WithPositionals(arguments, quiet.Concat(arguments.All("--python")), userInsert, []));

        return new Plan.Compose([system, user], invoker => CapturedRuns.SystemThenUser(invoker, system, user, Quietness.IsSilent(arguments),
            (systemRun, userRun) =>
            {
                var merged = Merge(
                    FreezeLine.Read(userRun.StandardOutput, () => EditableNames.In(userSites)),
                    FreezeLine.Read(systemRun.StandardOutput, () => EditableNames.In(systemSites)),
                    inUserSite);
                StdOut.Write(string.Concat(merged.Select(l => l + "\n")));
                return 0;
            }), [], steps);
    }

    /// <summary>Every user line, and the system lines of packages not in the user site, by package name.</summary>
    public static IEnumerable<string> Merge(IEnumerable<FreezeLine> user, IEnumerable<FreezeLine> system, ISet<string> inUserSite) =>
        user.Concat(system.Where(l => l.Name is null || !inUserSite.Contains(l.Name)))
            .OrderBy(l => l.SortKey, StringComparer.Ordinal)
            .Select(l => l.Text);
}
