using System.Text.Json;
using UvShim.Arguments;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Processes;

namespace UvShim.Merging;

/// <summary>
/// <c>uv pip list</c> against a system interpreter with a user site: uv lists the system and the user
/// site (each as JSON); uvshim merges them, one entry per package, the user site's winning, and
/// renders the format asked for.
/// </summary>
internal static class MergedList
{
    private static readonly string[] Formats = ["columns", "freeze", "json"];

    /// <summary>
    /// Why uv refuses this list before it looks at any interpreter, or null: a <c>--format</c> clap does not accept
    /// (crates/uv-cli/src/lib.rs ListFormat), or <c>--outdated</c> with <c>--format freeze</c>, which
    /// uv 0.12.5 crates/uv/src/commands/pip/list.rs pip_list refuses with "`--outdated` cannot be used with
    /// `--format freeze`" (an error: exit 2).
    /// </summary>
    public static string? RefusedByUv(UvArguments arguments)
    {
        if (arguments.Last("--format") is { } format && !Formats.Contains(format.Value))
            return $"uv does not accept {format} (it will say so)";
        if (Format(arguments) == "freeze" && Outdated(arguments))
            return "uv refuses --outdated with --format freeze (it will say so)";
        return null;
    }

    public static Plan Plan(UvArguments arguments, IReadOnlyList<string> userInsert, List<PlanStep> steps)
    {
        var format = Format(arguments);
        var outdated = Outdated(arguments);
        // Each run prints JSON; one -q at most, since uv -qq prints nothing at all (printer.rs Printer::Silent).
        var remove = arguments.All("--format").Concat(Quietness.BeyondFirst(arguments)).ToList();
        var system = SlotList.WithPositionals(arguments, remove, ["--format", "json"], []);
        var user = SlotList.WithPositionals(arguments, remove.Concat(arguments.All("--python")), [.. userInsert, "--format", "json"], []);
        return new Plan.Compose([system, user], new Combination.MergedList(format, outdated, Quietness.IsSilent(arguments)), [], steps);
    }

    /// <summary>Prints the merged list of the two JSON lists; uvshim's exit code.</summary>
    public static int Print(ChildResult systemRun, ChildResult userRun, Combination.MergedList how)
    {
        List<InstalledPackage> merged;
        try
        {
            merged = Merge(PackageListJson.Parse(userRun.OutputText), PackageListJson.Parse(systemRun.OutputText));
        }
        catch (JsonException e)
        {
            StdErr.Line($"cannot read uv's JSON package list: {e.Message}");
            return 2;
        }
        StdOut.Write(PackageListFormat.Render(merged, how.Format, how.Outdated));
        return 0;
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

    private static string Format(UvArguments arguments) => arguments.Last("--format")?.Value ?? "columns";

    // clap's overrides_with: the last of --outdated and --no-outdated (crates/uv-cli/src/lib.rs PipListArgs).
    private static bool Outdated(UvArguments arguments) => Flags.Last(arguments, "--outdated", "--no-outdated") == true;
}
