using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Serilog.Events;
using UvShim.Arguments;
using UvShim.Cache;
using UvShim.Decision;
using UvShim.Execution;
using UvShim.PipConfig;
using UvShim.Planning;
using UvShim.Platform;
using UvShim.Processes;
using UvShim.Python;
using UvShim.Settings;

namespace UvShim.Commands;

/// <summary>
/// Gathers a <see cref="DoctorReport"/>. The facts come from the pieces every uv invocation uses (settings, uv's
/// configuration, <see cref="UvLocator"/>, <see cref="InterpreterResolver"/>, the probe and its cache,
/// <see cref="Writability"/>, the EXTERNALLY-MANAGED marker, <see cref="UserLayout"/>, <see cref="ScriptsOnPath"/>);
/// the decisions come from <see cref="Planner.Plan"/> itself, on <c>uv pip install [--user] [--python X] &lt;package&gt;</c>,
/// so doctor, <c>shim explain</c> and a uv command line cannot disagree.
/// It runs <c>uv --version</c> and probes the interpreters (which may fill the probe cache); it changes nothing else.
/// </summary>
internal static class DoctorInspection
{
    /// <summary>The package of the install lines doctor plans; it is never installed.</summary>
    public const string Package = "<package>";

    public static DoctorReport Inspect(IReadOnlyDictionary<string, string> env, string? pythonRequest, string? self)
    {
        var considered = SettingsLoader.Files(env);
        Invocation invocation;
        try
        {
            invocation = Invocation.Load(env, self);
        }
        catch (SettingsException e)
        {
            return new DoctorReport(ShimVersion.Text, self, new UvCheck(null, null, null, null, []), [], null, "",
                new SettingsCheck(considered, [], [], e.Message), new UvConfigCheck([], [], null), CacheState(env));
        }

        var (context, uvLazy) = invocation;
        var settings = context.Settings;
        var settingValues = SettingValues(settings, env);

        // uv
        string? uvPath = null, uvVersion = null, uvError = null;
        try
        {
            uvPath = uvLazy.Value;
            (uvVersion, var versionError) = UvVersion(uvPath, settings.ProbeTimeout);
            if (versionError is not null)
                uvError = $"{uvPath} --version {versionError}";
        }
        catch (UvNotFoundException e)
        {
            uvError = e.Message;
        }
        var uvSource = settingValues.First(v => v.Key == SettingDefinitions.UvPath.Key).Source;
        var foundBy = settings.UvPath is null ? "the first uv on PATH that is not uvshim"
            : uvSource == SettingDefinitions.UvPath.EnvironmentVariable ? uvSource
            : $"{SettingDefinitions.UvPath.Key} in {uvSource}";
        var uv = new UvCheck(uvPath, uvPath is null ? null : foundBy, uvVersion, uvError, UvOnPathList(env, self));

        // uv's own configuration, as for `uv pip install [--python X]` here
        string[] installLine = pythonRequest is null ? ["pip", "install"] : ["pip", "install", "--python", pythonRequest];
        var (view, configProblem) = UvConfigLoader.Load(UvArguments.Parse(installLine), InvocationKind.PipInstall, context);
        var configured = view is null ? context : context with { UvConfig = view };
        var uvConfig = new UvConfigCheck(view?.Files ?? [], view is null ? [] : PipValues(view), configProblem);

        // pip's own configuration (install's section)
        var pip = new PipConfiguration(env);
        var pipCheck = new PipConfigCheck(
            [.. pip.Files(null).Select(f => f.Path)],
            pip.FilesRead(null),
            pip.User("install", null),
            pip.BreakSystemPackages("install", null),
            pip.Problems("install", null));

        // The interpreters uv could target here, and what each is
        var resolver = PlannerFactory.Resolver(configured, uvLazy);
        var probe = PlannerFactory.Probe(configured);
        var cache = PlannerFactory.Cache(configured);
        var systemFlag = env.ContainsKey("UV_SYSTEM_PYTHON") ? Boolish.IsSet(env, "UV_SYSTEM_PYTHON") : configured.UvConfig.System ?? false;

        string? request = pythonRequest, requestLabel = null;
        var fromEnvironment = false;
        if (request is not null)
            requestLabel = "--python " + request;
        else if (env.TryGetValue("UV_PYTHON", out var envPython) && envPython.Length > 0)
            (request, requestLabel, fromEnvironment) = (envPython, "UV_PYTHON=" + envPython, true);
        else if (configured.UvConfig.Python is { Length: > 0 } configPython)
            (request, requestLabel) = (configPython, $"python = \"{configPython}\" in uv's configuration");

        // An install into each: the planner's decision on the line a user would type for it. The request is the
        // user's own line (which also selects the interpreter, below); the others are named by path, which uv takes
        // without --system. Each line is planned once.
        var plans = new Dictionary<string, PlanCheck>(StringComparer.Ordinal);
        PlanCheck Planned(string[] line)
        {
            string[] full = [.. line, Package];
            var key = string.Join('\0', full);
            if (!plans.TryGetValue(key, out var plan))
                plans[key] = plan = PlanOf(full, context, uvLazy, uvPath ?? "uv");
            return plan;
        }
        (PlanCheck, PlanCheck) Installs(string role, string executable)
        {
            string[] python = role == InterpreterCheck.RequestRole ? installLine[2..] : ["--python", executable];
            return (Planned(["pip", "install", .. python]), Planned(["pip", "install", "--user", .. python]));
        }

        InterpreterCheck Check(string role, string label, ResolutionInput input) =>
            CheckInterpreter(role, label, input, resolver, probe, cache, configured, pip, Installs);

        ResolutionInput Input(string? text, bool fromEnv, bool system) =>
            new(text, fromEnv, system, ExplicitUser: false, configured.WorkingDirectory, env);

        var interpreters = new List<InterpreterCheck>();
        if (request is not null)
            interpreters.Add(Check(InterpreterCheck.RequestRole, requestLabel!, Input(request, fromEnvironment, systemFlag)));
        interpreters.Add(Check(InterpreterCheck.SystemRole, "--system", Input(null, false, true)));
        interpreters.Add(Check(InterpreterCheck.VenvRole, "virtual environment", Input(null, false, false)));

        // The interpreter a plain `uv pip install` takes: the one the planner finds for it.
        string? selected;
        string reason;
        try
        {
            (selected, reason) = Selected(Planned(installLine), interpreters);
        }
        catch (UvNotFoundException e)
        {
            (selected, reason) = (null, e.Message);
        }
        return new DoctorReport(ShimVersion.Text, self, uv, interpreters, selected, reason,
            new SettingsCheck(considered, settings.FilesRead, settingValues, null), uvConfig, CacheState(env), pipCheck);
    }

    private static InterpreterCheck CheckInterpreter(
        string role, string label, ResolutionInput input, InterpreterResolver resolver, CachingProbe probe, ProbeCache cache,
        InvocationContext context, PipConfiguration pip, Func<string, string, (PlanCheck Install, PlanCheck InstallUser)> installs)
    {
        var none = new InterpreterCheck(role, label, null, null, null, null, null, null);
        Resolution resolution;
        try
        {
            resolution = resolver.Resolve(input);
        }
        catch (UvNotFoundException e)
        {
            return none with { Error = "a version request is answered by uv python find, and " + e.Message };
        }

        ResolvedInterpreter interpreter;
        switch (resolution)
        {
            case Resolution.Invalid invalid:
                return none with { Error = WithoutLabel(invalid.Message, input) };
            case Resolution.NotFound notFound:
                return none with
                {
                    Missing = role == InterpreterCheck.VenvRole && notFound.Reason.StartsWith("no virtual environment", StringComparison.Ordinal)
                        ? $"none (no VIRTUAL_ENV, no active conda environment, no .venv in {input.WorkingDirectory} or above)"
                        : WithoutLabel(notFound.Reason, input),
                };
            case Resolution.Found found:
                interpreter = found.Interpreter;
                break;
            default:
                throw new InvalidOperationException("unknown resolution");
        }

        var row = none with
        {
            Executable = interpreter.Executable,
            Kind = interpreter.Kind == InterpreterKind.VirtualEnvironment ? "virtual environment" : "system",
            Why = interpreter.How,
        };

        var env = context.Environment;
        InterpreterProbe facts;
        string how;
        var key = ProbeCacheKey.For(interpreter.Executable, env, ShimVersion.Text);
        if (key is not null && cache.TryRead(key) is { } hit)
        {
            (facts, how) = (hit, "cached");
        }
        else
        {
            try
            {
                facts = probe.Run(interpreter.Executable);
                // The cache keeps only probes of the interpreter itself, not of a launcher (a pyenv shim) in front of it.
                how = key is not null && cache.TryRead(key) is not null ? "probed" : "probed, not cached";
            }
            catch (ProbeFailedException e)
            {
                return row with { Error = e.Message };
            }
        }

        var sitePackages = new[] { facts.Default.Purelib, facts.Default.Platlib }.Distinct().ToList();
        var writable = sitePackages.All(Writability.IsWritable);
        var userSite = new[] { facts.User.Purelib, facts.User.Platlib }.Where(d => PathText.IsAbsolute(d, facts.IsWindows)).Distinct().ToList();
        var userWritable = userSite.All(Writability.IsWritable);
        var marker = ExternallyManagedMarker.Read(facts, env, context.Settings.ProbeTimeout);
        var pipForInstall = context.Settings.Mode == ShimMode.Off ? null : pip;
        var breakSystem = InstallPlanner.BreakSystemPackagesSetting(UvArguments.Parse(["pip", "install"]), context, pipForInstall, "install", facts.Prefix);

        // Where a user install would go (what the planner would pass, when it decides on one).
        LayoutCheck? layout = null;
        ScriptsCheck? scripts = null;
        if (PathText.IsAbsolute(facts.UserBase, facts.IsWindows))
        {
            var chosen = UserLayout.Choose(facts);
            layout = chosen switch
            {
                UserLayout.Prefix prefix => new LayoutCheck("prefix", prefix.UserBase, null),
                UserLayout.Target target => new LayoutCheck("target", target.UserSite, target.Difference),
                _ => null,
            };
            if (!facts.InVenv)
            {
                var directory = ScriptsOnPath.Directory(chosen);
                scripts = new ScriptsCheck(directory, ScriptsOnPath.IsOnPath(directory, facts, env));
            }
        }

        var (install, installUser) = installs(role, interpreter.Executable);
        var python = new PythonCheck(
            facts.Version,
            facts.Executable,
            facts.Prefix,
            facts.InVenv,
            facts.GilDisabled,
            facts.UserBase,
            facts.UserSite,
            facts.UserSiteEnabled,
            facts.UserSiteEnabled ? "" : InstallDecision.DisabledBecause(new InstallFacts { Probe = facts }),
            userSite.Count > 0 && userWritable,
            sitePackages,
            writable,
            marker?.MarkerPath,
            breakSystem.Value,
            layout,
            scripts,
            install,
            installUser,
            how,
            breakSystem.Source,
            pipForInstall?.Files(facts.Prefix).FirstOrDefault(f => f.Variant == PipConfigFiles.Site && File.Exists(f.Path))?.Path);
        return row with { Python = python };
    }

    /// <summary>The planner's plan of one uv command line, and its decision.</summary>
    /// <summary>The planner's plan of one uv command line, and its decision.</summary>
    private static PlanCheck PlanOf(IReadOnlyList<string> line, InvocationContext context, Lazy<string> uv, string uvPath)
    {
        var plan = Planner.Plan(UvArguments.Parse([.. line]), context, uv);
        var (outcome, reason) = Decided(plan);
        return new PlanCheck(line, outcome, reason, plan.Steps, PlanRows.Results(plan, uvPath, line));
    }

    /// <summary>The plan's decision step (<see cref="PlanLog"/>), as an outcome and pip's reason.</summary>
    private static (string Outcome, string Reason) Decided(Plan plan)
    {
        if (plan is Plan.Refuse refuse)
            return ("refuse", plan.Steps.LastOrDefault(s => s.Label == "reason")?.Text ?? refuse.Message.Split('\n')[0]);
        var decision = plan.Steps.LastOrDefault(s => s.Label == "decision")?.Text ?? "";
        foreach (var (prefix, outcome) in new[] { (PlanStep.UserInstall, "user-install"), (PlanStep.HandedOver, "hand-over") })
        {
            if (decision.StartsWith(prefix, StringComparison.Ordinal))
                return (outcome, decision[prefix.Length..]);
        }
        return ("hand-over", decision);
    }

    /// <summary>
    /// The role of the interpreter the planner finds for a plain <c>uv pip install</c> (its <c>interpreter</c> step names it;
    /// the request is listed first, so it wins a tie), and how it was found; or none, and the planner's decision.
    /// </summary>
    private static (string? Role, string Reason) Selected(PlanCheck plan, IReadOnlyList<InterpreterCheck> interpreters)
    {
        if (plan.Steps.FirstOrDefault(s => s.Label == "interpreter") is { } found
            && interpreters.FirstOrDefault(i => i.Executable is { } exe && found.Text.StartsWith(exe + " (", StringComparison.Ordinal)) is { } selected)
            return (selected.Role, selected.Why!);
        return (null, (plan.Outcome == "refuse" ? "refused (exit 2): " : "handed to uv unchanged: ") + plan.Reason);
    }

    /// <summary>The resolver starts its messages with the request (<c>--python 3.12: …</c>); the report shows the request already.</summary>
    private static string WithoutLabel(string message, ResolutionInput input)
    {
        foreach (var label in new[] { $"--python {input.PythonRequest}: ", $"UV_PYTHON={input.PythonRequest}: " })
        {
            if (input.PythonRequest is not null && message.StartsWith(label, StringComparison.Ordinal))
                return message[label.Length..];
        }
        return message;
    }

    /// <summary>The first line of <c>uv --version</c>, or why there is none.</summary>
    private static (string? Version, string? Error) UvVersion(string uv, TimeSpan timeout)
    {
        ChildResult run;
        try
        {
            run = ChildProcess.Run(ChildRequest.Captured(uv, ["--version"], timeout, maxOutputBytes: 64 * 1024, keptErrorBytes: 1024));
        }
        catch (ChildFailedException e)
        {
            return (null, e.Failure switch
            {
                ChildFailure.TimedOut => $"did not answer within {timeout.TotalSeconds:0.#} s",
                ChildFailure.TooMuchOutput => "printed more than 64 KiB",
                _ => "could not be started: " + e.Detail,
            });
        }
        if (run.ExitCode != 0)
            return (null, $"exited with {run.ExitCode}");
        var firstLine = run.OutputText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return firstLine is null ? (null, "printed nothing") : (firstLine, null);
    }

    private static IReadOnlyList<UvOnPath> UvOnPathList(IReadOnlyDictionary<string, string> env, string? self)
    {
        var selfResolved = self is null ? null : RealPath.Of(self);
        return ExecutableSearch.FindAll("uv", env.GetValueOrDefault("PATH"))
            .Select(candidate => new UvOnPath(candidate, selfResolved is not null && string.Equals(
                RealPath.Of(candidate), selfResolved, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>Each of <see cref="SettingDefinitions.All"/>: its effective value, and the variable, file or default it came from.</summary>
    public static IReadOnlyList<SettingValue> SettingValues(EffectiveSettings settings, IReadOnlyDictionary<string, string> env)
    {
        var files = settings.FilesRead.Select(file => (File: file, Root: TryRead(file))).ToList();
        return SettingDefinitions.All.Select(definition =>
        {
            string source;
            if (env.TryGetValue(definition.EnvironmentVariable, out var value) && value.Length > 0)
                source = definition.EnvironmentVariable;
            else
                source = files.LastOrDefault(f => f.Root?[definition.Key] is not null).File ?? "default";
            return new SettingValue(definition.Key, definition.EnvironmentVariable, ValueOf(definition, settings), source);
        }).ToList();
    }

    /// <summary>The effective value of one setting, as its configuration text would give it.</summary>
    public static string ValueOf(SettingDefinition definition, EffectiveSettings settings)
    {
        if (definition == SettingDefinitions.Mode)
            return settings.Mode.ToString().ToLowerInvariant();
        if (definition == SettingDefinitions.UvPath)
            return settings.UvPath ?? "";
        if (definition == SettingDefinitions.LogLevel)
            return settings.LogLevel switch
            {
                LogEventLevel.Information => "information",
                var level => level.ToString().ToLowerInvariant(),
            };
        if (definition == SettingDefinitions.LogFile)
            return settings.LogFile ?? "";
        if (definition == SettingDefinitions.ProbeTimeout)
            return settings.ProbeTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"shim doctor does not know how to show the setting {definition.Key}");
    }

    private static IConfigurationRoot? TryRead(string file)
    {
        try
        {
            return new ConfigurationBuilder().AddJsonFile(file, optional: true, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IReadOnlyList<UvConfigValue> PipValues(UvConfigView view)
    {
        var values = new List<UvConfigValue>();
        if (view.System is { } system)
            values.Add(new("system", null, system));
        if (view.Python is { } python)
            values.Add(new("python", python, null));
        if (view.Target is { } target)
            values.Add(new("target", target, null));
        if (view.Prefix is { } prefix)
            values.Add(new("prefix", prefix, null));
        if (view.BreakSystemPackages is { } breakSystem)
            values.Add(new("break-system-packages", null, breakSystem));
        return values;
    }

    private static CacheCheck CacheState(IReadOnlyDictionary<string, string> env)
    {
        var directory = ProbeCache.DefaultDirectory(env);
        if (directory is null)
            return new CacheCheck(null, false, 0, false);
        var exists = Directory.Exists(directory);
        var entries = 0;
        if (exists)
        {
            try
            {
                entries = Directory.EnumerateFiles(directory, "probe-*").Count();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return new CacheCheck(directory, exists, entries, Writability.IsWritable(directory));
    }
}
