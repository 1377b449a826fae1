using UvShim.Arguments;
using UvShim.Platform;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>How uv looks for the interpreter of a command (crates/uv-python discovery).</summary>
internal enum Discovery
{
    /// <summary>install, sync, uninstall: a venv, or a system interpreter only with --system or a path
    /// (<c>EnvironmentPreference::from_system_flag(system, true)</c> in crates/uv/src/commands/pip/{install,sync,uninstall}.rs).</summary>
    ExplicitSystem,
    /// <summary>list, freeze, show: a venv if there is one, else a system interpreter.</summary>
    Any,
}

internal sealed record Target(ResolvedInterpreter Interpreter, InterpreterProbe Probe);

internal abstract record TargetOutcome
{
    public sealed record Found(Target Target) : TargetOutcome;
    public sealed record Unchanged(string Reason) : TargetOutcome;
    public sealed record Refuse(string Message) : TargetOutcome;
}

/// <summary>Finds the interpreter uv would target and probes it, or says why there is nothing to do.</summary>
internal sealed class TargetFinder(InterpreterResolver resolver, Func<string, InterpreterProbe> probe)
{
    /// <param name="decideInEnvironments">
    /// Probe a venv that includes system site-packages, and a conda environment other than base, even without
    /// <c>--user</c>: pip falls back to the user site from them when they cannot be written (install).
    /// </param>
    public TargetOutcome Find(UvArguments arguments, InvocationContext context, Discovery discovery, bool explicitUser, List<PlanStep> steps,
        bool decideInEnvironments = false)
    {
        var env = context.Environment;
        var pythonOption = arguments.Last("--python");
        if (pythonOption is { Value: null })
            return new TargetOutcome.Refuse("--python needs a value (a path, a directory or a version such as 3.12)");

        // uv 0.12.5 crates/uv-cli/src/lib.rs parse_maybe_string: an empty --python is no request, and as the option
        // was given, clap does not read UV_PYTHON; the configuration's python still applies (crates/uv/src/settings.rs
        // PipSettings::combine, args.python.combine(python)).
        var pythonFromEnv = pythonOption is null && env.TryGetValue("UV_PYTHON", out var envPython) && envPython.Length > 0;
        var pythonRequest = pythonOption is { Value.Length: > 0 } ? pythonOption.Value
            : pythonFromEnv ? env["UV_PYTHON"]
            : context.UvConfig.Python;
        var system = Flags.Last(arguments, "--system", "--no-system")
            ?? (env.ContainsKey("UV_SYSTEM_PYTHON") ? Boolish.IsSet(env, "UV_SYSTEM_PYTHON") : context.UvConfig.System ?? false);

        var input = new ResolutionInput(pythonRequest, pythonFromEnv, system, explicitUser || discovery == Discovery.Any,
            WorkingDirectory(arguments, context), env);
        ResolvedInterpreter interpreter;
        switch (resolver.Resolve(input))
        {
            case Resolution.Invalid invalid:
                return new TargetOutcome.Refuse(invalid.Message);
            case Resolution.NotFound notFound when explicitUser:
                return new TargetOutcome.Refuse("cannot find a Python interpreter for --user: " + notFound.Reason);
            case Resolution.NotFound notFound:
                return new TargetOutcome.Unchanged(notFound.Reason);
            case Resolution.Found found:
                interpreter = found.Interpreter;
                break;
            default:
                throw new InvalidOperationException("unknown resolution");
        }
        steps.Add(new("interpreter", $"{interpreter.Executable} ({Describe(interpreter.Kind)}; {interpreter.How})"));

        if (!explicitUser)
        {
            if (interpreter.Kind == InterpreterKind.VirtualEnvironment && !(decideInEnvironments && VenvLayout.MaySeeUserSite(interpreter.Executable)))
                return new TargetOutcome.Unchanged("the target is a virtual environment" + (decideInEnvironments ? " without system site-packages" : ""));
            // Without --system, uv's mutating commands take a system interpreter only from an explicit path:
            // uv 0.12.5 crates/uv-python/src/discovery.rs EnvironmentPreference::ExplicitSystem, PythonRequest::is_explicit_system.
            var givenAsPath = pythonRequest is not null && PythonRequest.Parse(pythonRequest, input.WorkingDirectory) is PythonRequest.FilePath;
            if (interpreter.Kind == InterpreterKind.System && discovery == Discovery.ExplicitSystem && !system && !givenAsPath)
                return new TargetOutcome.Unchanged("uv itself needs --system or a path to use a system interpreter");
        }

        InterpreterProbe facts;
        try
        {
            facts = probe(interpreter.Executable);
        }
        catch (ProbeFailedException e)
        {
            return new TargetOutcome.Refuse(e.Message);
        }
        steps.Add(new("python", $"{facts.Version} at {facts.Executable}; user base {(facts.UserBase.Length == 0 ? "(none)" : facts.UserBase)}; "
            + $"user site {(facts.UserSiteEnabled ? "enabled" : "disabled")}"));
        return new TargetOutcome.Found(new Target(interpreter, facts));
    }

    /// <summary>The directory uv works in: <c>--directory</c>, else UV_WORKING_DIR, else the current one.</summary>
    public static string WorkingDirectory(UvArguments arguments, InvocationContext context)
    {
        var env = context.Environment;
        var directory = arguments.Last("--directory")?.Value
            ?? (env.TryGetValue("UV_WORKING_DIR", out var wd) && wd.Length > 0 ? wd : null)
            ?? (env.TryGetValue("UV_WORKING_DIRECTORY", out var legacy) && legacy.Length > 0 ? legacy : null);
        return directory is null ? context.WorkingDirectory : Path.GetFullPath(directory, context.WorkingDirectory);
    }

    private static string Describe(InterpreterKind kind) =>
        kind == InterpreterKind.VirtualEnvironment ? "virtual environment" : "system interpreter";
}
