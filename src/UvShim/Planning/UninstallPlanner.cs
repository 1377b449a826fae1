using UvShim.Arguments;
using UvShim.Decision;
using UvShim.PipConfig;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// <c>uv pip uninstall</c> for the interpreter uv would use (a venv is left alone; a system one needs
/// <c>--system</c> or a path, as for install): names installed in the user site are removed from there
/// (<c>--prefix</c>/<c>--target</c> with <c>--python</c>, which uv requires); the rest go to uv as asked.
/// With both kinds, two uv runs; the first failure's exit code is returned. <c>--user</c> (pip's) removes
/// everything asked for from the user site.
/// </summary>
internal sealed class UninstallPlanner(TargetFinder finder)
{
    public Plan Plan(UvArguments arguments, InvocationContext context)
    {
        var log = new PlanLog(arguments);
        var steps = log.Steps;
        Plan Unchanged(string why) => log.Unchanged(why);

        var explicitUser = arguments.Has("--user");
        if (!explicitUser && context.Settings.Mode == ShimMode.Off)
            return Unchanged("mode is off");
        if (arguments.Has("--target") || arguments.Has("--prefix"))
            return Unchanged("--prefix or --target given");

        // uv 0.12.5 crates/uv/src/commands/pip/uninstall.rs: EnvironmentPreference::from_system_flag(system, true), as install.
        var (target, ending) = log.Target(finder.Find(arguments, context, Discovery.ExplicitSystem, explicitUser, steps));
        if (target is null)
            return ending!;
        var probe = target.Probe;
        if (!probe.UserSiteEnabled)
            return explicitUser
                ? new Plan.Refuse("Can not uninstall from the user site: user site-packages are disabled for this Python.", steps)
                : Unchanged("user site-packages disabled");

        var layout = UserLayout.Choose(probe);
        string[] userInsert = [.. ArgumentRewriter.LayoutOptions(layout), "--python", InstallPlanner.Executable(target)];
        var userOptions = arguments.All("--user").Concat(arguments.All("--python")).ToList();
        Plan? Refusal() =>
            ExternallyManagedMarker.Read(probe, context.Environment, context.Settings.ProbeTimeout) is { } marker
            && !InstallPlanner.BreakSystemPackagesSetting(arguments, context, new PipConfiguration(context.Environment), "uninstall", probe.Prefix).Value
                ? new Plan.Refuse(PipMessages.ExternallyManaged(marker), steps)
                : null;

        if (explicitUser)
        {
            // pip's --user: everything asked for goes from the user site; uv reads the requirements itself.
            if (Refusal() is { } refused)
                return refused;
            steps.Add(new("decision", "uninstall from the user site (--user)"));
            var edit = arguments.Edit();
            foreach (var option in userOptions)
                edit.Remove(option);
            return new Plan.HandOver(edit.InsertAfterCommand(userInsert).Build(), true, [], steps);
        }

        var requirementOptions = arguments.All("--requirements").ToList();
        List<string> fileNames;
        try
        {
            fileNames = NamesInFiles(requirementOptions, TargetFinder.WorkingDirectory(arguments, context));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unchanged("a requirements file cannot be read (uv will say so): " + e.Message);
        }
        var installed = PackageName.InstalledIn(probe.UserSite);
        var userNames = arguments.Positionals.Select(p => PackageName.OfRequirement(p.Value)).OfType<string>().Concat(fileNames)
            .Where(installed.Contains).Distinct().ToList();
        steps.Add(new("user site", $"{probe.UserSite}: {(userNames.Count == 0 ? "none of the named packages" : string.Join(", ", userNames))}"));
        if (userNames.Count == 0)
            return Unchanged("no named package is installed in the user site");
        if (Refusal() is { } refusal)
            return refusal;

        var userPart = SlotList.WithPositionals(arguments, userOptions.Concat(requirementOptions), userInsert, userNames);
        bool Elsewhere(UvPositional p) => PackageName.OfRequirement(p.Value) is not { } name || !userNames.Contains(name);
        IReadOnlyList<ArgumentSlot>? systemPart = null;
        if (requirementOptions.Count == 0)
        {
            if (arguments.Positionals.Any(Elsewhere))
                systemPart = KeepPositionals(arguments, Elsewhere);
        }
        else
        {
            var rest = arguments.Positionals.Where(Elsewhere).Select(p => p.Value)
                .Concat(fileNames.Where(n => !userNames.Contains(n)).Distinct()).ToList();
            if (rest.Count > 0)
                systemPart = SlotList.WithPositionals(arguments, requirementOptions, [], rest);
        }
        steps.Add(new("decision", systemPart is null
            ? "uninstall from the user site"
            : "uninstall from the user site, then the rest as asked"));

        return systemPart is null
            ? new Plan.HandOver(userPart, true, [], steps)
            : new Plan.Compose([userPart, systemPart], new Combination.UserPartThenRest(), [], steps);
    }

    /// <summary>The names each <c>-r</c> file's requirements name, normalized.</summary>
    private static List<string> NamesInFiles(IEnumerable<UvOption> requirementOptions, string workingDirectory)
    {
        var names = new List<string>();
        foreach (var file in requirementOptions)
        {
            if (file.Value is { Length: > 0 } path)
                names.AddRange(PackageName.InRequirementsFile(Path.GetFullPath(path, workingDirectory)));
        }
        return names;
    }

    private static IReadOnlyList<ArgumentSlot> KeepPositionals(UvArguments arguments, Func<UvPositional, bool> keep)
    {
        var drop = arguments.Positionals.Where(p => !keep(p)).Select(p => p.TokenIndex).ToHashSet();
        return InstallPlanner.Identity(arguments).Where(s => !drop.Contains(s.OriginalIndex)).ToList();
    }
}
