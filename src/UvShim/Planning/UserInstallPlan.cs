using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Processes;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// How a rewritten install reaches uv. uvshim execs uv, unless it has something to do afterwards: pip's warning for the
/// console scripts that landed off PATH (<see cref="ScriptsOnPath"/>), or uv's own resolution when the pins of the
/// system site's versions (<see cref="SystemSitePins"/>) leave no solution. Then the install runs as uvshim's child,
/// with uvshim's terminal, streams and process group, and uvshim ends as it ends (its exit code, or its signal).
/// </summary>
internal static class UserInstallPlan
{
    public static Plan Build(
        UvArguments arguments,
        InvocationKind kind,
        InvocationContext context,
        InterpreterProbe probe,
        UserLayout layout,
        string executable,
        IReadOnlyList<UvOption> removed,
        IReadOnlyList<string> notes,
        List<PlanStep> steps)
    {
        var quiet = arguments.Has("--quiet");
        var plain = ArgumentRewriter.ToUserScheme(arguments, layout, executable, removed);

        var scriptsDirectory = ScriptsOnPath.Directory(layout);
        var watch = quiet || arguments.Has(ScriptsOnPath.NoWarnOption)
            ? null
            : ScriptsOnPath.Watch(scriptsDirectory, SiteDirectories(layout, probe), probe, context.Environment);
        if (watch is not null)
            steps.Add(new("scripts", $"{scriptsDirectory} is not on PATH: uv runs as a child, and pip's warning names the console scripts it put there"));

        var pins = kind == InvocationKind.PipInstall
            ? SystemSitePins.For(arguments, probe, TargetFinder.WorkingDirectory(arguments, context))
            : [];
        if (pins.Count > 0)
            steps.Add(new("system site", $"{pins.Count} packages pinned to the versions there, as pip keeps them ({Shorten(pins)}); uv's own choice if that leaves no solution"));

        if (watch is null && pins.Count == 0)
            return new Plan.HandOver(plain, true, notes, steps);

        if (pins.Count == 0)
            return new Plan.Chain([new ChildRun(plain)], null, notes, steps) { Scripts = watch, Unwatched = plain };

        var pinned = ArgumentRewriter.ToUserScheme(arguments, layout, executable, removed, ConstraintsOptions(arguments, context));
        var dryRun = arguments.Has("--dry-run") ? plain : ArgumentRewriter.ToUserScheme(arguments, layout, executable, removed, ["--dry-run"]);
        var retry = new ChainRetry(
            new ChildRun(dryRun, ChildStream.Discard, ChildStream.Discard),
            new ChildRun(plain),
            quiet ? null : "The packages of the system site-packages, at their versions there, leave no solution; installing "
                + "uv's choice into the user site instead, where it shadows them (as pip installs what a requirement needs).");
        return new Plan.Chain([new ChildRun(pinned)], null, notes, steps)
        {
            Constraints = pins,
            Retry = retry,
            Scripts = watch,
            Unwatched = plain,
        };
    }

    /// <summary>
    /// The private constraints file; and, when the command line has no constraints of its own, those of
    /// <c>UV_CONSTRAINT</c>, which clap reads only then (clap 4.6.5 clap_builder/src/parser/parser.rs <c>add_env</c>),
    /// split at spaces as clap splits them (uv 0.12.5 crates/uv-cli/src/lib.rs <c>PipInstallArgs.constraints</c>).
    /// </summary>
    private static List<string> ConstraintsOptions(UvArguments arguments, InvocationContext context)
    {
        List<string> options = ["--constraints", ChildRun.ConstraintsFile];
        if (!arguments.Has("--constraints") && context.Environment.GetValueOrDefault("UV_CONSTRAINT") is { Length: > 0 } fromEnvironment)
            options.AddRange(fromEnvironment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => "--constraints=" + v));
        return options;
    }

    /// <summary>Where uv records what it installs: the user site's purelib and platlib, or the <c>--target</c> directory.</summary>
    private static List<string> SiteDirectories(UserLayout layout, InterpreterProbe probe) =>
        layout is UserLayout.Target target
            ? [target.UserSite]
            : new[] { probe.User.Purelib, probe.User.Platlib }.Distinct(StringComparer.Ordinal).ToList();

    private static string Shorten(List<string> pins) =>
        pins.Count <= 5 ? string.Join(", ", pins) : string.Join(", ", pins.Take(5)) + $", and {pins.Count - 5} more";
}
