using UvShim.Planning;

namespace UvShim.Commands;

/// <summary>
/// What <c>uvshim shim doctor</c> found, gathered by <see cref="DoctorInspection"/> and shown by
/// <see cref="DoctorText"/> (for a person) or <see cref="DoctorJson"/> (for scripts). Pure data.
/// </summary>
/// <param name="SelectedRole">
/// The <see cref="InterpreterCheck.Role"/> a plain <c>uv pip install</c> here would target, as the planner finds it; null when none.
/// </param>
/// <param name="SelectionReason">How the planner found it, or, when it found none, its decision.</param>
internal sealed record DoctorReport(
    string ShimVersion,
    string? ShimPath,
    UvCheck Uv,
    IReadOnlyList<InterpreterCheck> Interpreters,
    string? SelectedRole,
    string SelectionReason,
    SettingsCheck Settings,
    UvConfigCheck UvConfig,
    CacheCheck Cache,
    PipConfigCheck? Pip = null)
{
    /// <summary>What stops uvshim from working: doctor exits 1 when there is any.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (Settings.Error is { } settings)
                problems.Add("uvshim's configuration: " + settings);
            if (Uv.Error is { } uv)
                problems.Add("uv: " + uv);
            if (UvConfig.Error is { } uvConfig)
                problems.Add("uv's configuration cannot be read: " + uvConfig);
            foreach (var interpreter in Interpreters)
            {
                if (interpreter.Error is { } error)
                    problems.Add($"{interpreter.Label}: {error}");
                else if (interpreter.Role == InterpreterCheck.RequestRole && interpreter.Missing is { } missing)
                    problems.Add($"{interpreter.Label}: {missing}");
            }
            if (Settings.Error is null && Interpreters.Count > 0 && Interpreters.All(i => i.Executable is null))
                problems.Add("no Python interpreter: " + string.Join("; ", Interpreters.Select(i => $"{i.Label}: {i.Missing}")));
            return problems;
        }
    }

    /// <summary>What works but may surprise: shown, and listed in the JSON, without failing.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>();
            foreach (var interpreter in Interpreters)
            {
                if (interpreter.Python is not { } python)
                    continue;
                if (python.Scripts is { OnPath: false } scripts)
                    warnings.Add($"{interpreter.Label}: the user scripts directory {scripts.Directory} is not on PATH; console scripts installed to the user site will not be found");
                if (!python.InVenv && !python.UserSiteEnabled)
                    warnings.Add($"{interpreter.Label}: the user site is disabled{python.UserSiteDisabledBecause}; uvshim hands installs over unchanged");
                else if (!python.InVenv && !python.UserSiteWritable && python.UserSite.Length > 0)
                    warnings.Add($"{interpreter.Label}: the user site {python.UserSite} is not writable: user installs will be refused (set PYTHONUSERBASE to a directory you can write)");
            }
            foreach (var problem in Pip?.Problems ?? [])
                warnings.Add("pip's configuration: " + problem);
            if (Cache.Directory is null)
                warnings.Add("no probe cache (neither XDG_CACHE_HOME nor HOME is an absolute path): every run starts each interpreter once");
            else if (!Cache.Writable)
                warnings.Add($"the probe cache {Cache.Directory} is not writable: every run starts each interpreter once");
            return warnings;
        }
    }

    public bool Ok => Problems.Count == 0;
}

/// <summary>The real uv uvshim hands over to.</summary>
/// <param name="FoundBy">How it was found: <c>UVSHIM_UV</c>, <c>Uv:Path in …</c>, or the first uv on PATH.</param>
/// <param name="OnPath">Every <c>uv</c> on PATH, in order, and whether it is this uvshim (a link to it).</param>
internal sealed record UvCheck(string? Path, string? FoundBy, string? Version, string? Error, IReadOnlyList<UvOnPath> OnPath);

internal sealed record UvOnPath(string Path, bool IsUvshim);

/// <summary>One interpreter uv could target, why, and what uvshim would do with an install into it.</summary>
/// <param name="Role"><see cref="RequestRole"/>, <see cref="SystemRole"/> or <see cref="VenvRole"/>.</param>
/// <param name="Label">How the user asks for it: <c>--python 3.12</c>, <c>--system</c>, <c>virtual environment</c>.</param>
/// <param name="Missing">Why there is none (not a problem for <see cref="SystemRole"/> and <see cref="VenvRole"/>).</param>
/// <param name="Error">Found, but unusable (a bad request, a failing probe): a problem.</param>
internal sealed record InterpreterCheck(
    string Role,
    string Label,
    string? Executable,
    string? Kind,
    string? Why,
    string? Missing,
    string? Error,
    PythonCheck? Python)
{
    public const string RequestRole = "python";
    public const string SystemRole = "system";
    public const string VenvRole = "venv";
}

/// <summary>What the probe and the live checks say about one interpreter.</summary>
/// <param name="UserSiteDisabledBecause">Empty, or a parenthesised reason such as <c> (PYTHONNOUSERSITE is set)</c>.</param>
/// <param name="BreakSystemPackagesSource">What overrides PEP 668 (or says not to): a flag, a variable, a configuration line; null when nothing does.</param>
/// <param name="PipSiteConfig">pip's site file, <c>&lt;sys.prefix&gt;/pip.conf</c>, when this interpreter has one.</param>
/// <param name="UserSiteWritable">The user scheme's purelib and platlib can be written (nearest existing parent), as uv will need.</param>
/// <param name="Probe"><c>cached</c> (read from the probe cache), <c>probed</c> (the interpreter was started and its answer cached) or <c>probed, not cached</c> (a launcher such as a pyenv shim, whose answer may change).</param>
internal sealed record PythonCheck(
    string Version,
    string Executable,
    string Prefix,
    bool InVenv,
    bool FreeThreaded,
    string UserBase,
    string UserSite,
    bool UserSiteEnabled,
    string UserSiteDisabledBecause,
    bool UserSiteWritable,
    IReadOnlyList<string> SitePackages,
    bool SitePackagesWritable,
    string? ExternallyManagedMarker,
    bool BreakSystemPackages,
    LayoutCheck? Layout,
    ScriptsCheck? Scripts,
    PlanCheck Install,
    PlanCheck InstallUser,
    string Probe,
    string? BreakSystemPackagesSource = null,
    string? PipSiteConfig = null);

/// <summary>How a user install is expressed to uv: <c>prefix</c> (<c>--prefix &lt;user base&gt;</c>) or <c>target</c> (<c>--target &lt;user site&gt;</c>).</summary>
internal sealed record LayoutCheck(string Kind, string Path, string? Difference);

internal sealed record ScriptsCheck(string Directory, bool OnPath);

/// <summary>
/// What uvshim would do with one install line into an interpreter: <see cref="Planner.Plan"/>'s decision, the
/// one a uv command line and <c>shim explain</c> make, shown as explain shows it.
/// </summary>
/// <param name="Line">The uv arguments planned: <c>pip install [--user] [--python X] &lt;package&gt;</c>.</param>
/// <param name="Outcome"><c>hand-over</c>, <c>user-install</c> or <c>refuse</c>.</param>
/// <param name="Reason">Why: pip's reason where pip has one.</param>
/// <param name="Steps">The planner's steps.</param>
/// <param name="Results">What would be printed and run (<see cref="PlanRows.Results"/>).</param>
internal sealed record PlanCheck(
    IReadOnlyList<string> Line,
    string Outcome,
    string Reason,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<PlanStep> Results);

/// <summary>uvshim's own settings: the files read and each setting's effective value and where it came from.</summary>
internal sealed record SettingsCheck(IReadOnlyList<string> FilesConsidered, IReadOnlyList<string> FilesRead, IReadOnlyList<SettingValue> Values, string? Error);

/// <param name="Source"><c>default</c>, the environment variable's name, or the configuration file that set it.</param>
internal sealed record SettingValue(string Key, string EnvironmentVariable, string Value, string Source);

/// <summary>uv's own configuration files and the <c>[pip]</c> keys in them that steer the target.</summary>
internal sealed record UvConfigCheck(IReadOnlyList<string> Files, IReadOnlyList<UvConfigValue> Pip, string? Error);

/// <param name="Value">A string, or a boolean for <c>system</c> and <c>break-system-packages</c>.</param>
internal sealed record UvConfigValue(string Key, string? Text, bool? Flag);

/// <summary>The probe cache directory after doctor's own run.</summary>
internal sealed record CacheCheck(string? Directory, bool Exists, int Entries, bool Writable);

/// <summary>
/// pip's own configuration, as uvshim reads it for the install decision: the files pip would read (global, user,
/// <c>PIP_CONFIG_FILE</c>; each interpreter's site file is in its <see cref="PythonCheck.PipSiteConfig"/>), and the
/// switches <c>user</c> and <c>break-system-packages</c> with what set them (null: nothing).
/// </summary>
/// <param name="Problems">What would stop pip (a file it cannot load, a value that is no boolean); uvshim leaves it out.</param>
internal sealed record PipConfigCheck(
    IReadOnlyList<string> Files,
    IReadOnlyList<string> FilesRead,
    PipConfig.PipSwitch? User,
    PipConfig.PipSwitch? BreakSystemPackages,
    IReadOnlyList<string> Problems);
