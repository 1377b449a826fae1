using UvShim.Arguments;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Processes;

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
    public static Plan Plan(UvArguments arguments, IReadOnlyList<string> userInsert, IReadOnlySet<string> inUserSite,
        IReadOnlyList<string> userSites, IReadOnlyList<string> systemSites, List<PlanStep> steps)
    {
        // One -q at most: freeze prints with -q but not with -qq (printer.rs stdout_important).
        var quiet = Quietness.BeyondFirst(arguments).ToList();
        var system = SlotList.WithPositionals(arguments, quiet, [], []);
        var user = SlotList.WithPositionals(arguments, quiet.Concat(arguments.All("--python")), userInsert, []);
        return new Plan.Compose([system, user], new Combination.MergedFreeze(Quietness.IsSilent(arguments), inUserSite, userSites, systemSites), [], steps);
    }

    /// <summary>Prints the merged freeze of the two runs; uvshim's exit code.</summary>
    public static int Print(ChildResult systemRun, ChildResult userRun, Combination.MergedFreeze how)
    {
        var merged = Merge(
            FreezeLine.Read(userRun.OutputText, () => EditableNames.In(how.UserSites)),
            FreezeLine.Read(systemRun.OutputText, () => EditableNames.In(how.SystemSites)),
            how.InUserSite);
        StdOut.Write(string.Concat(merged.Select(l => l + "\n")));
        return 0;
    }

    /// <summary>Every user line, and the system lines of packages not in the user site, by package name.</summary>
    public static IEnumerable<string> Merge(IEnumerable<FreezeLine> user, IEnumerable<FreezeLine> system, IReadOnlySet<string> inUserSite) =>
        user.Concat(system.Where(l => l.Name is null || !inUserSite.Contains(l.Name)))
            .OrderBy(l => l.SortKey, StringComparer.Ordinal)
            .Select(l => l.Text);
}
