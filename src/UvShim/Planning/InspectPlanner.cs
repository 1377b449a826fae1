using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Merging;
using UvShim.Output;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// <c>uv pip list</c>/<c>freeze</c>/<c>show</c> (README, "Beyond install"). <c>--user</c> shows only the user site
/// (pip's meaning); without it, a system interpreter's view also shows user-site packages, as pip's
/// does, with the user-site copy winning as on <c>sys.path</c>.
/// </summary>
internal sealed class InspectPlanner(TargetFinder finder)
{
    public Plan Plan(UvArguments arguments, InvocationKind kind, InvocationContext context)
    {
        var log = new PlanLog(arguments);
        var steps = log.Steps;
        Plan Unchanged(string why) => log.Unchanged(why);

        var explicitUser = arguments.Has("--user");
        if (kind == InvocationKind.PipList && MergedList.RefusedByUv(arguments) is { } refused)
        {
            // uv says why in its own words; only pip's --user, which uv has not, is taken out.
            if (!explicitUser)
                return Unchanged(refused);
            log.Add("decision", "hand over without --user: " + refused);
            return new Plan.HandOver(SlotList.WithPositionals(arguments, arguments.All("--user"), [], []), true, [], steps);
        }
        if (!explicitUser && context.Settings.Mode == ShimMode.Off)
            return Unchanged("mode is off");
        var pathOptions = arguments.Options.Where(o => o.Name is "--target" or "--prefix" or "--path").ToList();
        if (pathOptions.Count > 0)
        {
            return explicitUser
                ? new Plan.Refuse($"Cannot combine '{pathOptions[0].Spelling}' with '--user'", steps)
                : Unchanged($"{pathOptions[0].Spelling} given");
        }

        var (target, ending) = log.Target(finder.Find(arguments, context, Discovery.Any, explicitUser, steps));
        if (target is null)
            return ending!;
        var probe = target.Probe;
        var layout = UserLayout.Choose(probe);
        var exe = InstallPlanner.Executable(target);
        var userInsert = new List<string>(ArgumentRewriter.LayoutOptions(layout)) { "--python", exe };
        var userSiteExists = Directory.Exists(probe.UserSite);

        if (explicitUser)
        {
            // pip lists what is on sys.path (commands/list.py, freeze.py: user_only): with the user site not visible in a
            // venv, disabled or absent, nothing, and exit 0. uv with --prefix would create the directory, so uvshim answers itself.
            if (!probe.UserSiteEnabled || !userSiteExists)
            {
                var why = probe.VenvWithoutSystemSite ? "not visible in this virtual environment" : probe.UserSiteEnabled ? "absent" : "disabled";
                steps.Add(new("decision", $"the user site is {why}: nothing to show"));
                return new Plan.Compose([], EmptyView(arguments, kind), [], steps);
            }
            var rewritten = SlotList.WithPositionals(arguments, arguments.All("--user").Concat(arguments.All("--python")),
                userInsert, arguments.Positionals.Select(p => p.Value));
            steps.Add(new("decision", "user site only"));
            return new Plan.HandOver(rewritten, true, [], steps);
        }

        var inUserSite = probe.UserSiteEnabled && userSiteExists ? PackageName.InstalledIn(probe.UserSite) : [];
        if (inUserSite.Count == 0)
            return Unchanged("no user-site packages to show");
        steps.Add(new("decision", "show the user site and the system together, the user site first as on sys.path"));

        return kind switch
        {
            InvocationKind.PipList => MergedList.Plan(arguments, userInsert, steps),
            InvocationKind.PipFreeze => MergedFreeze.Plan(arguments, userInsert, inUserSite,
                Sites(probe.User), Sites(probe.Default), steps),
            _ => MergedShow.Plan(arguments, userInsert, inUserSite, steps),
        };
    }

    private static string[] Sites(SchemePaths scheme) => [.. new[] { scheme.Purelib, scheme.Platlib }.Distinct()];

    /// <summary>What uv prints for an empty site: <c>[]</c> for JSON (hidden by <c>-qq</c>); show's warning (hidden by <c>-q</c>) and exit 1.</summary>
    private static Combination.Answer EmptyView(UvArguments arguments, InvocationKind kind)
    {
        var quiet = Quietness.Level(arguments);
        if (kind == InvocationKind.PipShow)
        {
            // uv 0.12.5 crates/uv/src/commands/pip/show.rs: the names sorted and deduplicated, through printer.stderr().
            var names = arguments.Positionals.Select(p => PackageName.Normalize(p.Value)).Distinct().Order(StringComparer.Ordinal).ToList();
            var warning = quiet > 0 ? ""
                : names.Count == 0 ? "warning: Please provide a package name or names.\n"
                : $"warning: Package(s) not found for: {string.Join(", ", names)}\n";
            return new Combination.Answer("", warning, 1);
        }
        return new Combination.Answer(kind == InvocationKind.PipList && arguments.Last("--format")?.Value == "json" && quiet < 2 ? "[]\n" : "", "", 0);
    }
}
