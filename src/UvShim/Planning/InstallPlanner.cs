using UvShim.Arguments;
using UvShim.Decision;
using UvShim.PipConfig;
using UvShim.Platform;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// <c>uv pip install</c>/<c>sync</c>: find and probe the target, gather the facts (writability and
/// PEP 668 live), decide, and rewrite. The I/O lives here; the decision and the layout are pure.
/// </summary>
internal sealed class InstallPlanner(TargetFinder finder)
{
    /// <summary>The section of pip's configuration an install reads besides <c>[global]</c>.</summary>
    private const string PipCommand = "install";

    public Plan Plan(UvArguments arguments, InvocationKind kind, InvocationContext context)
    {
        // pip's --root installs under another root; deciding as if it were absent would install elsewhere. uv has no
        // such option, so the line goes as typed and uv says so.
        if (arguments.Options.FirstOrDefault(o => o.Name == "--root") is { } root)
            return new PlanLog(arguments).Unchanged($"{root.Spelling} is pip's option, which uv does not have (uv will say so)");

        var install = kind == InvocationKind.PipInstall;
        var pip = install && context.Settings.Mode != ShimMode.Off ? new PipConfiguration(context.Environment) : null;
        var (plan, request) = PlanWith(arguments, kind, context, pip, followPipUser: true);
        if (request is { FromPipConfiguration: true, User: true } && plan is Plan.Refuse refused)
        {
            // pip would refuse the user install its configuration asks for (a venv without system site-packages, say);
            // uv alone would not refuse this line, so uvshim decides as without the switch: never worse than uv alone.
            var (without, _) = PlanWith(arguments, kind, context, pip, followPipUser: false);
            var why = refused.Message.Split('\n')[0];
            plan = without with { Steps = [new("user request", $"{request.Source} not followed: pip would refuse it ({why}); deciding as without it"), .. without.Steps] };
        }
        return install ? WithoutPipOptions(arguments, plan) : plan;
    }

    private (Plan Plan, UserRequest Request) PlanWith(
        UvArguments arguments, InvocationKind kind, InvocationContext context, PipConfiguration? pip, bool followPipUser)
    {
        var log = new PlanLog(arguments);
        var steps = log.Steps;
        Plan Unchanged(string why) => log.Unchanged(why);
        Plan Refuse(string message) => log.Refuse(message);

        var env = context.Environment;
        var settings = context.Settings;
        var command = UserRequest.FromCommandLine(arguments, kind == InvocationKind.PipInstall);
        UserRequest FromPip(string? sitePrefix) =>
            followPipUser && pip is not null ? UserRequest.FromSwitch(pip.User(PipCommand, sitePrefix)) : UserRequest.None;
        var request = command ?? FromPip(null);
        if (request.User is not null)
            steps.Add(new("user request", request.Describe()));
        if (request.User == false)
            return (Unchanged($"non-user install by explicit request ({request.Source})"), request);

        var explicitUser = request.User == true;
        // uv combines target and prefix from the command line and its config files independently.
        var hasTarget = arguments.Has("--target") || context.UvConfig.Target is not null;
        var hasPrefix = arguments.Has("--prefix") || context.UvConfig.Prefix is not null;

        if (!explicitUser)
        {
            if (settings.Mode == ShimMode.Off)
                return (Unchanged("mode is off"), request);
            if (hasTarget || hasPrefix)
                return (Unchanged("--prefix or --target given"), request);
        }

        var (target, ending) = log.Target(finder.Find(arguments, context, Discovery.ExplicitSystem, explicitUser, steps, decideInEnvironments: true));
        if (target is null)
            return (ending!, request);
        var facts = target.Probe;

        if (pip?.FilesRead(facts.Prefix) is { Count: > 0 } pipFiles)
            steps.Add(new("pip config", string.Join(", ", pipFiles)));
        // pip's site file, <sys.prefix>/pip.conf, is known now; it may set the switch.
        if (command is null && FromPip(facts.Prefix) is var withSite && withSite != request)
        {
            request = withSite;
            steps.Add(new("user request", request.Describe()));
            if (request.User == false)
                return (Unchanged($"non-user install by explicit request ({request.Source})"), request);
            explicitUser = request.User == true;
        }

        var defaultDirs = new[] { facts.Default.Purelib, facts.Default.Platlib }.Distinct().ToList();
        var writable = defaultDirs.All(Writability.IsWritable);
        steps.Add(new("site-packages", $"{string.Join(", ", defaultDirs)} ({(writable ? "writable" : "not writable")})"));

        var userDirs = new[] { facts.User.Purelib, facts.User.Platlib }.Where(d => PathText.IsAbsolute(d, facts.IsWindows)).Distinct().ToList();
        var userWritable = userDirs.All(Writability.IsWritable);
        if (userDirs.Count > 0)
            steps.Add(new("user site", $"{string.Join(", ", userDirs)} ({(userWritable ? "writable" : "not writable")})"));

        var marker = ExternallyManagedMarker.Read(facts, env, settings.ProbeTimeout);
        var breakSystem = BreakSystemPackagesSetting(arguments, context, pip, PipCommand, facts.Prefix);
        if (marker is not null)
            steps.Add(new("PEP 668", $"externally managed ({marker.MarkerPath}){(breakSystem.Value ? $"; overridden by {breakSystem.Source}" : "")}"));

        var outcome = InstallDecision.Decide(new InstallFacts
        {
            Mode = settings.Mode,
            ExplicitUser = explicitUser,
            TargetIsEnvironment = target.Interpreter.Kind == InterpreterKind.VirtualEnvironment,
            HasTarget = hasTarget,
            HasPrefix = hasPrefix,
            IsSync = kind == InvocationKind.PipSync,
            Probe = facts,
            DefaultSchemeWritable = writable,
            UserSchemeWritable = userWritable,
            ExternallyManaged = marker,
            BreakSystemPackages = breakSystem.Value,
        });

        switch (outcome)
        {
            case InstallOutcome.HandOver handOver:
                return (log.Unchanged(handOver.Reason, handOver.Note), request);
            case InstallOutcome.Refuse refuse:
                steps.Add(new("reason", refuse.Reason));
                return (Refuse(refuse.Message), request);
        }

        var userInstall = (InstallOutcome.UserInstall)outcome;
        steps.Add(new("decision", PlanStep.UserInstall + userInstall.Reason));
        var layout = UserLayout.Choose(facts);
        var notes = new List<string>();
        if (userInstall.Note is not null)
            notes.Add(userInstall.Note);
        var scriptsOnPath = ScriptsOnPath.IsOnPath(ScriptsOnPath.Directory(layout), facts, env);
        switch (layout)
        {
            case UserLayout.Prefix prefix:
                steps.Add(new("layout", $"--prefix {prefix.UserBase} (uv's prefix layout is this Python's user scheme)"));
                break;
            case UserLayout.Target targetLayout:
                steps.Add(new("layout", $"--target {targetLayout.UserSite} ({targetLayout.Difference})"));
                notes.Add(TargetLayoutNote.For(targetLayout, facts.IsWindows, scriptsOnPath));
                break;
        }

        var noWarn = arguments.All(ScriptsOnPath.NoWarnOption).ToList();
        var plan = UserInstallPlan.Build(arguments, kind, context, facts, layout, Executable(target),
            [.. noWarn, .. arguments.Options.Where(UserRequest.IsNoUser)], notes, steps);
        return (plan, request);
    }

    /// <summary>
    /// pip's <c>--user</c>, <c>--no-user</c> and <c>--no-warn-script-location</c>, which uv rejects, taken out of an install
    /// handed over; a line with an option missing its value keeps them (taking one out would hand that option a value).
    /// </summary>
    private static Plan WithoutPipOptions(UvArguments arguments, Plan plan)
    {
        if (plan is not Plan.HandOver { Rewritten: false } handOver || arguments.Options.Any(o => o.IsValueMissing))
            return plan;
        var pipOnly = arguments.Options.Where(o => o.Name is "--user" or ScriptsOnPath.NoWarnOption || UserRequest.IsNoUser(o)).ToList();
        if (pipOnly.Count == 0)
            return plan;
        var edit = arguments.Edit();
        foreach (var option in pipOnly)
            edit.Remove(option);
        var removed = string.Join(", ", pipOnly.Select(o => o.Spelling).Distinct());
        return handOver with { Arguments = edit.Build(), Rewritten = true, Steps = [.. handOver.Steps, new("pip's options", $"{removed} taken out: uv has no such option")] };
    }

    public static IReadOnlyList<ArgumentSlot> Identity(UvArguments arguments) => arguments.Edit().Build();

    public static string Executable(Target target) =>
        target.Probe.Executable.Length > 0 ? target.Probe.Executable : target.Interpreter.Executable;

    /// <summary>uv's own setting: the command line, <c>UV_BREAK_SYSTEM_PACKAGES</c>, uv's configuration.</summary>
    public static bool BreakSystemPackages(UvArguments arguments, InvocationContext context) =>
        BreakSystemPackagesSetting(arguments, context, null, PipCommand, null).Value;

    /// <summary>
    /// Whether PEP 668 is overridden, and by what: uv's own setting when it has one, else pip's (<c>PIP_BREAK_SYSTEM_PACKAGES</c>,
    /// pip.conf <c>break-system-packages</c>) for the pip command <paramref name="pipCommand"/>.
    /// </summary>
    public static (bool Value, string? Source) BreakSystemPackagesSetting(
        UvArguments arguments, InvocationContext context, PipConfiguration? pip, string pipCommand, string? sitePrefix)
    {
        var env = context.Environment;
        if (arguments.Options.LastOrDefault(o => o.Name is "--break-system-packages" or "--no-break-system-packages") is { } flag)
            return (flag.Name == "--break-system-packages", flag.Spelling);
        if (env.TryGetValue("UV_BREAK_SYSTEM_PACKAGES", out var value))
            return (Boolish.IsSet(env, "UV_BREAK_SYSTEM_PACKAGES"), $"UV_BREAK_SYSTEM_PACKAGES={value}");
        if (context.UvConfig.BreakSystemPackages is { } configured)
            return (configured, $"break-system-packages = {(configured ? "true" : "false")} in uv's configuration");
        if (pip?.BreakSystemPackages(pipCommand, sitePrefix) is { } pipSwitch)
            return (pipSwitch.Value, pipSwitch.Source);
        return (false, null);
    }
}
