using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// <c>uv pip uninstall</c> (SPEC §4): names installed in the user site are removed from there
/// (<c>--prefix</c>/<c>--target</c> with <c>--python</c>, which uv requires); the rest go to uv as
/// asked. With both kinds, two uv runs; the first failure's exit code is returned.
/// </summary>
internal sealed class UninstallPlanner(TargetFinder finder)
{
    public async Task<Plan> PlanAsync(UvArguments arguments, InvocationContext context)
    {
        var log = new PlanLog(arguments);
        var steps = log.Steps;
        Plan Unchanged(string why) => log.Unchanged(why);

        var explicitUser = arguments.Has("--user");
        if (!explicitUser && context.Settings.Mode == ShimMode.Off)
            return Unchanged("mode is off");
        if (arguments.Has("--target") || arguments.Has("--prefix"))
            return Unchanged("--prefix or --target given");

        var (target, ending) = log.Target(await finder.FindAsync(arguments, context, Discovery.Any, explicitUser, steps));
        if (target is null)
            return ending!;
        var probe = target.Probe;
        if (!probe.UserSiteEnabled)
            return explicitUser
                ? new Plan.Refuse("Can not uninstall from the user site: user site-packages are disabled for this Python.", steps)
                : Unchanged("user site-packages disabled");

        List<string> requested;
        try
        {
            requested = Requested(arguments, TargetFinder.WorkingDirectory(arguments, context));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unchanged("a requirements file cannot be read (uv will say so): " + e.Message);
        }

        var installed = PackageName.InstalledIn(probe.UserSite);
        var userNames = requested.Where(n => explicitUser || installed.Contains(n)).Distinct().ToList();
        steps.Add(new("user site", $"{probe.UserSite}: {(userNames.Count == 0 ? "none of the named packages" : string.Join(", ", userNames))}"));
        if (userNames.Count == 0)
            return Unchanged("no named package is installed in the user site");

        if (ExternallyManagedMarker.Read(probe, context.Environment) is { } marker && !InstallPlanner.BreakSystemPackages(arguments, context))
            return new Plan.Refuse(PipMessages.ExternallyManaged(marker.ErrorText), steps);

        var layout = UserLayout.Choose(probe);
        var exe = InstallPlanner.Executable(target);
        var requirementOptions = arguments.All("--requirements").ToList();
        var userPart = SlotList.WithPositionals(arguments,
            arguments.All("--user").Concat(arguments.All("--python")).Concat(requirementOptions),
            [.. ArgumentRewriter.LayoutOptions(layout), "--python", exe],
            userNames);

        var systemNames = requested.Where(n => !userNames.Contains(n)).Distinct().ToList();
        IReadOnlyList<ArgumentSlot>? systemPart = null;
        if (systemNames.Count > 0)
        {
            systemPart = requirementOptions.Count > 0
                ? SlotList.WithPositionals(arguments, requirementOptions, [], systemNames)
                : KeepPositionals(arguments, p => !userNames.Contains(PackageName.Normalize(p)));
        }
        steps.Add(new("decision", systemPart is null
            ? "uninstall from the user site"
            : "uninstall from the user site, then the rest as asked"));

        var commands = new List<IReadOnlyList<ArgumentSlot>> { userPart };
        if (systemPart is not null)
            commands.Add(systemPart);
        return new Plan.Compose(
            commands.Select(c => (IReadOnlyList<string>)c.Select(s => s.OriginalIndex >= 0 ? arguments.Original[s.OriginalIndex] : s.Text).ToList()).ToList(),
            invoker =>
            {
                if (systemPart is null)
                    return invoker.Exec(userPart);
                var first = invoker.Run(invoker.Texts(userPart));
                if (first == 0)
                    return invoker.Exec(systemPart);
                invoker.Run(invoker.Texts(systemPart));
                return first;
            },
            [],
            steps);
    }

    /// <summary>The names asked for, normalized: the positionals, then each <c>-r</c> file's requirements.</summary>
    private static List<string> Requested(UvArguments arguments, string workingDirectory)
    {
        var names = arguments.Positionals.Select(p => PackageName.Normalize(p.Value)).ToList();
        foreach (var file in arguments.All("--requirements"))
        {
            if (file.Value is { Length: > 0 } path)
                names.AddRange(PackageName.InRequirementsFile(Path.GetFullPath(path, workingDirectory)));
        }
        return names;
    }

    private static IReadOnlyList<ArgumentSlot> KeepPositionals(UvArguments arguments, Func<string, bool> keep)
    {
        var drop = arguments.Positionals.Where(p => !keep(p.Value)).Select(p => p.TokenIndex).ToHashSet();
        return InstallPlanner.Identity(arguments).Where(s => !drop.Contains(s.OriginalIndex)).ToList();
    }
}
