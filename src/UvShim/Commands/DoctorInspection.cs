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
/// Gathers a <see cref="DoctorReport"/> with the pieces every uv invocation uses (settings, uv's
/// configuration, <see cref="UvLocator"/>, <see cref="InterpreterResolver"/>, the probe and its cache,
/// <see cref="Writability"/>, the EXTERNALLY-MANAGED marker, <see cref="InstallDecision"/>,
/// <see cref="UserLayout"/>, <see cref="ScriptsOnPath"/>), so doctor reports what uvshim would act on.
/// It runs <c>uv --version</c> and probes the interpreters (which may fill the probe cache); it changes nothing else.
/// </summary>
internal static class DoctorInspection
{
    private const string SystemHint = "uv itself needs --system or a path to use a system interpreter";

    public static DoctorReport Inspect(IReadOnlyDictionary<string, string> env, string? pythonRequest, string? self)
    {
        var considered = SettingsLoader.Files(env);
        InvocationContext context;
        try
        {
            context = InvocationContextLoader.Load(env);
        }
        catch (SettingsException e)
        {
            return new DoctorReport(ShimVersion.Text, self, new UvCheck(null, null, null, null, []), [], null, "",
                new SettingsCheck(considered, [], [], e.Message), new UvConfigCheck([], [], null), CacheState(env));
        }

        var settings = context.Settings;
        var settingValues = SettingValues(settings, env);

        // uv
        var uvLazy = new Lazy<string>(() => UvLocator.Find(settings.UvPath, env, self));
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
        var arguments = UvArguments.Parse(installLine);
        var (view, configProblem) = UvConfigLoader.Load(arguments, InvocationKind.PipInstall, context);
        if (view is not null)
            context = context with { UvConfig = view };
        var uvConfig = new UvConfigCheck(view?.Files ?? [], view is null ? [] : PipValues(view), configProblem);

        // The interpreters
        var interpreters = new List<InterpreterCheck>();
        var resolver = PlannerFactory.Resolver(context, uvLazy);
        var probe = PlannerFactory.Probe(context);
        var cache = PlannerFactory.Cache(context);
        var systemFlag = env.ContainsKey("UV_SYSTEM_PYTHON") ? Boolish.IsSet(env, "UV_SYSTEM_PYTHON") : context.UvConfig.System ?? false;

        string? request = pythonRequest, requestLabel = null;
        var fromEnvironment = false;
        if (request is not null)
            requestLabel = "--python " + request;
        else if (env.TryGetValue("UV_PYTHON", out var envPython) && envPython.Length > 0)
            (request, requestLabel, fromEnvironment) = (envPython, "UV_PYTHON=" + envPython, true);
        else if (context.UvConfig.Python is { Length: > 0 } configPython)
            (request, requestLabel) = (configPython, $"python = \"{configPython}\" in uv's configuration");

        // pip's own configuration (install's section); mode off hands installs over whatever it says.
        var pip = new PipConfiguration(env);
        var pipForInstall = settings.Mode == ShimMode.Off ? null : pip;
        var pipCheck = new PipConfigCheck(
            [.. pip.Files(null).Select(f => f.Path)],
            pip.FilesRead(null),
            pip.User("install", null),
            pip.BreakSystemPackages("install", null),
            pip.Problems("install", null));

        InterpreterCheck Check(string role, string label, ResolutionInput input) =>
            CheckInterpreter(role, label, input, resolver, probe, cache, context, arguments, systemFlag, pipForInstall);

        ResolutionInput Input(string? text, bool fromEnv, bool system) =>
            new(text, fromEnv, system, ExplicitUser: false, context.WorkingDirectory, env);

        if (request is not null)
            interpreters.Add(Check(InterpreterCheck.RequestRole, requestLabel!, Input(request, fromEnvironment, systemFlag)));
        interpreters.Add(Check(InterpreterCheck.SystemRole, "--system", Input(null, false, true)));
        interpreters.Add(Check(InterpreterCheck.VenvRole, "virtual environment", Input(null, false, false)));

        string? selected;
        string reason;
        if (request is not null)
            (selected, reason) = (InterpreterCheck.RequestRole, requestLabel!);
        else if (systemFlag)
            (selected, reason) = (InterpreterCheck.SystemRole, env.ContainsKey("UV_SYSTEM_PYTHON") ? "UV_SYSTEM_PYTHON is set" : "system = true in uv's configuration");
        else if (interpreters.First(i => i.Role == InterpreterCheck.VenvRole).Executable is not null)
            (selected, reason) = (InterpreterCheck.VenvRole, "a virtual environment is active or found");
        else
            (selected, reason) = (null, "no virtual environment and no --system: uv would refuse (pass --system or set UV_SYSTEM_PYTHON=1 for the system Python)");

        return new DoctorReport(ShimVersion.Text, self, uv, interpreters, selected, reason,
            new SettingsCheck(considered, settings.FilesRead, settingValues, null), uvConfig, CacheState(env), pipCheck);
    }

    private static InterpreterCheck CheckInterpreter(
        string role, string label, ResolutionInput input, InterpreterResolver resolver, CachingProbe probe, ProbeCache cache,
        InvocationContext context, UvArguments arguments, bool systemFlag, PipConfiguration? pip)
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
        var breakSystem = InstallPlanner.BreakSystemPackagesSetting(arguments, context, pip, "install", facts.Prefix);
        var installFacts = new InstallFacts
        {
            Mode = context.Settings.Mode,
            TargetIsEnvironment = interpreter.Kind == InterpreterKind.VirtualEnvironment,
            HasTarget = context.UvConfig.Target is not null,
            HasPrefix = context.UvConfig.Prefix is not null,
            Probe = facts,
            DefaultSchemeWritable = writable,
            UserSchemeWritable = userWritable,
            ExternallyManaged = marker,
            BreakSystemPackages = breakSystem.Value,
        };

        var givenAsPath = input.PythonRequest is { } text && PythonRequest.Parse(text, input.WorkingDirectory) is PythonRequest.FilePath;
        var systemHint = role == InterpreterCheck.RequestRole && interpreter.Kind == InterpreterKind.System && !systemFlag && !givenAsPath
            ? SystemHint
            : null;
        var install = PlainInstall(installFacts, pip?.User("install", facts.Prefix), systemHint);
        var installUser = Outcome(InstallDecision.Decide(installFacts with { ExplicitUser = true }));

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

        var python = new PythonCheck(
            facts.Version,
            facts.Executable,
            facts.Prefix,
            facts.InVenv,
            facts.GilDisabled,
            facts.UserBase,
            facts.UserSite,
            facts.UserSiteEnabled,
            facts.UserSiteEnabled ? "" : InstallDecision.DisabledBecause(installFacts),
            userSite.Count > 0 && userWritable,
            sitePackages,
            writable,
            marker?.MarkerPath,
            installFacts.BreakSystemPackages,
            layout,
            scripts,
            install,
            installUser,
            how,
            breakSystem.Source,
            pip?.Files(facts.Prefix).FirstOrDefault(f => f.Variant == PipConfigFiles.Site && File.Exists(f.Path))?.Path);
        return row with { Python = python };
    }

    /// <summary>
    /// A plain <c>uv pip install</c>, as the install planner decides it: pip's <c>user</c> switch from its configuration is
    /// followed unless pip would refuse it (then the install is decided as without it), and false is a non-user install.
    /// </summary>
    private static OutcomeCheck PlainInstall(InstallFacts facts, PipSwitch? user, string? systemHint)
    {
        if (user is { Value: false })
            return new("hand-over", $"non-user install by explicit request ({user.Source})");
        OutcomeCheck Without() => systemHint is not null ? new("hand-over", systemHint) : Outcome(InstallDecision.Decide(facts));
        if (user is null)
            return Without();
        var asked = Outcome(InstallDecision.Decide(facts with { ExplicitUser = true }));
        if (asked.Outcome != "refuse")
            return asked with { Reason = $"{asked.Reason} ({user.Source})" };
        var without = Without();
        return without with { Reason = $"{without.Reason} ({user.Source} not followed: pip would refuse it, {asked.Reason})" };
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

    private static OutcomeCheck Outcome(InstallOutcome outcome) =>
        outcome switch
        {
            InstallOutcome.HandOver handOver => new("hand-over", handOver.Reason),
            InstallOutcome.UserInstall userInstall => new("user-install", userInstall.Reason),
            InstallOutcome.Refuse refuse => new("refuse", refuse.Reason),
            _ => throw new InvalidOperationException("unknown outcome"),
        };

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
