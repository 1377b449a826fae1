using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Platform;
using UvShim.Python;
using UvShim.Settings;

namespace UvShim.Planning;

/// <summary>The environment one invocation runs in, read once at start-up.</summary>
internal sealed record InvocationContext(
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    EffectiveSettings Settings);

/// <summary>
/// Turns <c>uv pip install</c>/<c>sync</c> into a plan: resolve the interpreter, probe it, gather
/// the facts (writability and PEP 668 live), decide, and rewrite. The I/O lives here; the
/// decision and the layout are pure.
/// </summary>
internal sealed class InstallPlanner(InterpreterResolver resolver, Func<string, Task<InterpreterProbe>> probe)
{
    public async Task<Plan> PlanAsync(UvArguments arguments, InvocationKind kind, InvocationContext context)
    {
        var steps = new List<PlanStep>();
        Plan Unchanged(string why)
        {
            steps.Add(new("decision", "hand over unchanged: " + why));
            return new Plan.HandOver(Identity(arguments), false, [], steps);
        }
        Plan Refuse(string message)
        {
            steps.Add(new("decision", "refuse (exit 2)"));
            return new Plan.Refuse(message, steps);
        }

        var env = context.Environment;
        var settings = context.Settings;
        var explicitUser = arguments.Has("--user");
        var hasTarget = arguments.Has("--target");
        var hasPrefix = arguments.Has("--prefix");

        if (!explicitUser)
        {
            if (settings.Mode == ShimMode.Off)
                return Unchanged("mode is off");
            if (hasTarget || hasPrefix)
                return Unchanged("--prefix or --target given");
        }

        var pythonOption = arguments.Last("--python");
        if (pythonOption is { Value: null or "" })
            return Refuse("--python needs a value (a path, a directory or a version such as 3.12)");
        var pythonFromEnv = pythonOption is null && env.TryGetValue("UV_PYTHON", out var envPython) && envPython.Length > 0;
        var pythonRequest = pythonOption?.Value ?? (pythonFromEnv ? env["UV_PYTHON"] : null);
        var system = LastFlag(arguments, "--system", "--no-system") ?? Boolish.IsSet(env, "UV_SYSTEM_PYTHON");

        var input = new ResolutionInput(pythonRequest, pythonFromEnv, system, explicitUser, WorkingDirectory(arguments, context), env);
        var resolution = resolver.Resolve(input);
        ResolvedInterpreter interpreter;
        switch (resolution)
        {
            case Resolution.Invalid invalid:
                return Refuse(invalid.Message);
            case Resolution.NotFound notFound when explicitUser:
                return Refuse("cannot find a Python interpreter for --user: " + notFound.Reason);
            case Resolution.NotFound notFound:
                return Unchanged(notFound.Reason);
            case Resolution.Found found:
                interpreter = found.Interpreter;
                break;
            default:
                throw new InvalidOperationException("unknown resolution");
        }
        steps.Add(new("interpreter", $"{interpreter.Executable} ({Describe(interpreter.Kind)}; {interpreter.How})"));

        if (!explicitUser)
        {
            if (interpreter.Kind == InterpreterKind.VirtualEnvironment)
                return Unchanged("the target is a virtual environment");
            // Without --system, uv takes a system interpreter only from an explicit path (uv-facts §4).
            var givenAsPath = pythonRequest is not null && PythonRequest.Parse(pythonRequest) is PythonRequest.FilePath;
            if (!system && !givenAsPath)
                return Unchanged("uv itself needs --system or a path to use a system interpreter");
        }

        InterpreterProbe facts;
        try
        {
            facts = await probe(interpreter.Executable);
        }
        catch (ProbeFailedException e)
        {
            return Refuse(e.Message);
        }
        steps.Add(new("python", $"{facts.Version} at {facts.Executable}; user base {Show(facts.UserBase)}; user site {(facts.UserSiteEnabled ? "enabled" : "disabled")}"));

        var defaultDirs = new[] { facts.Default.Purelib, facts.Default.Platlib }.Distinct().ToList();
        var writable = defaultDirs.All(Writability.IsWritable);
        steps.Add(new("site-packages", $"{string.Join(", ", defaultDirs)} ({(writable ? "writable" : "not writable")})"));

        var marker = ExternallyManagedMarker.Read(facts, env);
        var breakSystem = LastFlag(arguments, "--break-system-packages", "--no-break-system-packages")
            ?? Boolish.IsSet(env, "UV_BREAK_SYSTEM_PACKAGES");
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
        switch (layout)
        {
            case UserLayout.Prefix prefix:
                steps.Add(new("layout", $"--prefix {prefix.UserBase} (uv's prefix layout is this Python's user scheme)"));
                break;
            case UserLayout.Target target:
                steps.Add(new("layout", $"--target {target.UserSite} ({target.Difference})"));
                notes.Add($"installing with --target {target.UserSite}: console scripts go to {target.ScriptsDirectory}, "
                    + $"not {target.UserScripts}; add {target.ScriptsDirectory} to PATH to run them");
                break;
        }

        var rewritten = ArgumentRewriter.ToUserScheme(arguments, layout, facts.Executable.Length > 0 ? facts.Executable : interpreter.Executable);
        return new Plan.HandOver(rewritten, true, notes, steps);
    }

    public static IReadOnlyList<ArgumentSlot> Identity(UvArguments arguments) => arguments.Edit().Build();

    /// <summary>clap's overrides_with: of a flag and its negation, the last one given wins.</summary>
    private static bool? LastFlag(UvArguments arguments, string flag, string negation)
    {
        var last = arguments.Options.LastOrDefault(o => o.Name == flag || o.Name == negation);
        return last is null ? null : last.Name == flag;
    }

    private static string WorkingDirectory(UvArguments arguments, InvocationContext context)
    {
        var env = context.Environment;
        var directory = arguments.Last("--directory")?.Value
            ?? (env.TryGetValue("UV_WORKING_DIR", out var wd) && wd.Length > 0 ? wd : null)
            ?? (env.TryGetValue("UV_WORKING_DIRECTORY", out var legacy) && legacy.Length > 0 ? legacy : null);
        return directory is null ? context.WorkingDirectory : Path.GetFullPath(directory, context.WorkingDirectory);
    }

    private static string Describe(InterpreterKind kind) =>
        kind == InterpreterKind.VirtualEnvironment ? "virtual environment" : "system interpreter";

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;
}
