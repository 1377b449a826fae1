using System.Text.Json;
using UvShim.Arguments;
using UvShim.Output;
using UvShim.Planning;

namespace UvShim.Merging;

/// <summary>
/// <c>uv pip list</c> against a system interpreter with a user site: uv lists the system and the user
/// site (each as JSON); uvshim merges them, one entry per package, the user site's winning, and
/// renders the format asked for.
/// </summary>
internal static class MergedList
{
    public static Plan Plan(UvArguments arguments, IReadOnlyList<string> userInsert, List<PlanStep> steps)
    {
        var format = arguments.Last("--format")?.Value ?? "columns";
        var outdated = arguments.Has("--outdated");
        var formats = arguments.All("--format").ToList();
        var system = Texts(arguments, SlotList.WithPositionals(arguments, formats, ["--format", "json"], []));
        var user = Texts(arguments, SlotList.WithPositionals(arguments, formats.Concat(arguments.All("--python")),
            [.. userInsert, "--format", "json"], []));

        return new Plan.Compose([system, user], invoker => CapturedRuns.SystemThenUser(invoker, system, user, (systemRun, userRun) =>
        {
            List<InstalledPackage> merged;
            try
            {
                merged = Merge(PackageListJson.Parse(userRun.StandardOutput), PackageListJson.Parse(systemRun.StandardOutput));
            }
            catch (JsonException e)
            {
                StdErr.Line($"cannot read uv's JSON package list: {e.Message}");
                return 2;
            }
            StdOut.Write(PackageListFormat.Render(merged, format, outdated));
            return 0;
        }), [], steps);
    }

    /// <summary>One entry per name, the user site's first (as on sys.path), sorted as uv sorts.</summary>
    public static List<InstalledPackage> Merge(IEnumerable<InstalledPackage> user, IEnumerable<InstalledPackage> system)
    {
        var byName = new Dictionary<string, InstalledPackage>(StringComparer.Ordinal);
        foreach (var package in user.Concat(system))
            byName.TryAdd(PackageName.Normalize(package.Name), package);
        return byName.Values
            .OrderBy(p => PackageName.Normalize(p.Name), StringComparer.Ordinal)
            .ThenBy(p => p.Version, StringComparer.Ordinal)
            .ToList();
    }

    internal static IReadOnlyList<string> Texts(UvArguments arguments, IReadOnlyList<ArgumentSlot> slots) =>
        slots.Select(s => s.OriginalIndex >= 0 ? arguments.Original[s.OriginalIndex] : s.Text).ToList();
}
