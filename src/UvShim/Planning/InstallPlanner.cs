using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Platform;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// <c>uv pip install</c>/<c>sync</c>: find and probe the target, gather the facts (writability and
/// PEP 668 live), decide, and rewrite. The I/O lives here; the decision and the layout are pure.
/// </summary>
internal sealed class InstallPlanner(TargetFinder finder)
{
    public async Task<Plan> PlanAsync(UvArguments arguments, InvocationKind kind, InvocationContext context)
    {
        var log = new PlanLog(arguments);
        var steps = log.Steps;
        Plan Unchanged(string why) => log.Unchanged(why);
        Plan Refuse(string message) => log.Refuse(message);

        var env = context.Environment;
        var settings = context.Settings;
        var explicitUser = arguments.Has("--user");
        // uv combines target and prefix from the command line and its config files independently.
        var hasTarget = arguments.Has("--target") || context.UvConfig.Target is not null;
        var hasPrefix = arguments.Has("--prefix") || context.UvConfig.Prefix is not null;

        if (!explicitUser)
        {
            if (settings.Mode == ShimMode.Off)
                return Unchanged("mode is off");
            if (hasTarget || hasPrefix)
                return Unchanged("--prefix or --target given");
        }

        var (target, ending) = log.Target(await finder.FindAsync(arguments, context, Discovery.ExplicitSystem, explicitUser, steps));
        if (target is null)
            return ending!;
        var facts = target.Probe;

        var defaultDirs = new[] { facts.Default.Purelib, facts.Default.Platlib }.Distinct().ToList();
        var writable = defaultDirs.All(Writability.IsWritable);
        steps.Add(new("site-packages", $"{string.Join(", ", defaultDirs)} ({(writable ? "writable" : "not writable")})"));

        var userDirs = new[] { facts.User.Purelib, facts.User.Platlib }.Where(d => PathText.IsAbsolute(d, facts.IsWindows)).Distinct().ToList();
        var userWritable = userDirs.All(Writability.IsWritable);
        if (userDirs.Count > 0)
            steps.Add(new("user site", $"{string.Join(", ", userDirs)} ({(userWritable ? "writable" : "not writable")})"));

        var marker = ExternallyManagedMarker.Read(facts, env);
        var breakSystem = BreakSystemPackages(arguments, context);
        if (marker is not null)
            steps.Add(new("PEP 668", $"externally managed ({marker.MarkerPath}){(breakSystem ? "; overridden by --break-system-packages" : "")}"));

        var outcome = InstallDecision.Decide(new InstallFacts
        {
            Mode = settings.Mode,
            ExplicitUser = explicitUser,
            HasTarget = hasTarget,
            HasPrefix = hasPrefix,
            IsSync = kind == InvocationKind.PipSync,
            Probe = facts,
            DefaultSchemeWritable = writable,
            UserSchemeWritable = userWritable,
            ExternallyManaged = marker,
            BreakSystemPackages = breakSystem,
        });

        switch (outcome)
        {
            case InstallOutcome.HandOver handOver:
                return Unchanged(handOver.Reason);
            case InstallOutcome.Refuse refuse:
                steps.Add(new("reason", refuse.Reason));
                return Refuse(refuse.Message);
        }

        var userInstall = (InstallOutcome.UserInstall)outcome;
        steps.Add(new("decision", "user install: " + userInstall.Reason));
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
        return UserInstallPlan.Build(arguments, kind, context, facts, layout, Executable(target), noWarn, notes, steps);
    }

    public static IReadOnlyList<ArgumentSlot> Identity(UvArguments arguments) => arguments.Edit().Build();

    public static string Executable(Target target) =>
        target.Probe.Executable.Length > 0 ? target.Probe.Executable : target.Interpreter.Executable;

    public static bool BreakSystemPackages(UvArguments arguments, InvocationContext context) =>
        Flags.Last(arguments, "--break-system-packages", "--no-break-system-packages")
        ?? (context.Environment.ContainsKey("UV_BREAK_SYSTEM_PACKAGES")
            ? Boolish.IsSet(context.Environment, "UV_BREAK_SYSTEM_PACKAGES")
            : context.UvConfig.BreakSystemPackages ?? false);
}
