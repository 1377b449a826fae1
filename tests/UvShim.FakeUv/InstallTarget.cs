namespace UvShim.FakeUv;

/// <summary>The interpreter a pip command acts on and the scheme it reads or writes (target, prefix, or the interpreter's own).</summary>
internal sealed record InstallTarget(PythonInterpreter Python, InstallScheme Scheme, bool IsTargetOrPrefix, PipSettings Settings)
{
    /// <summary>Finds the interpreter (<paramref name="preference"/>; install with a target or prefix accepts any) and applies the target or prefix.</summary>
    public static InstallTarget Resolve(PipSettings settings, EnvironmentPreference preference)
    {
        var python = PythonInterpreter.Query(InterpreterLocator.Locate(settings, preference));
        if (settings.Target is { } target)
        {
            return Initialized(new InstallTarget(python, InstallScheme.ForTarget(Path.GetFullPath(target)), true, settings));
        }
        if (settings.Prefix is { } prefix)
        {
            return Initialized(new InstallTarget(python, InstallScheme.ForPrefix(Path.GetFullPath(prefix), python), true, settings));
        }
        return new InstallTarget(python, InstallScheme.ForInterpreter(python), false, settings);
    }

    /// <summary>Like uv's <c>Target::init</c>/<c>Prefix::init</c>: the scanned directory is created, even for read-only commands.</summary>
    private static InstallTarget Initialized(InstallTarget target)
    {
        try
        {
            foreach (var site in target.Scheme.SitePackages)
            {
                FileSystem.CreateDirectories(site);
            }
        }
        catch (FileSystemError e)
        {
            throw new UvError(e.Message);
        }
        return target;
    }

    /// <summary>uv's dimmed "which interpreter" line of install and sync: the interpreter under a target or prefix, else the environment.</summary>
    public void Report(TextWriter stderr)
    {
        if (IsTargetOrPrefix)
        {
            stderr.WriteLine($"Using CPython {Python.Version} interpreter at: {UvPaths.UserDisplay(Python.Executable)}");
        }
        else
        {
            ReportEnvironment(stderr);
        }
    }

    /// <summary>uv's <c>report_target_environment</c> (list, freeze, show, uninstall): always the interpreter's own prefix.</summary>
    public void ReportEnvironment(TextWriter stderr) =>
        stderr.WriteLine($"Using Python {Python.Version} environment at: {UvPaths.UserDisplay(Python.Prefix)}");

    /// <summary>PEP 668 as uv applies it: never for venvs or under <c>--target</c>/<c>--prefix</c>.</summary>
    public void RefuseIfExternallyManaged(string? consider = null)
    {
        if (IsTargetOrPrefix || Python.IsVirtualEnvironment || Settings.BreakSystemPackages)
        {
            return;
        }
        var marker = Path.Combine(Python.Stdlib, "EXTERNALLY-MANAGED");
        if (!File.Exists(marker))
        {
            return;
        }
        var text = ExternallyManagedMarker.ErrorText(marker);
        var prefix = UvPaths.UserDisplay(Python.Prefix);
        if (consider is not null)
        {
            // uninstall's wording
            throw new UvError(text is null
                ? $"The interpreter at {prefix} is externally managed. Instead, create a virtual environment with `uv venv`."
                : $"The interpreter at {prefix} is externally managed, and indicates the following:\n\n{Indent(text)}\n\n{consider}");
        }
        var message = text is null
            ? $"The interpreter at {prefix} is externally managed and cannot be modified."
            : $"The interpreter at {prefix} is externally managed, and indicates the following:\n\n{Indent(text)}\n";
        var hint = Settings.System
            ? "Virtual environments were not considered due to the `--system` flag"
            : "Consider creating a virtual environment, e.g., with `uv venv`";
        throw new UvError(message, hint: hint);
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
}
