namespace UvShim.FakeUv;

/// <summary>The interpreter a pip command acts on and the scheme it reads or writes (target, prefix, or the interpreter's own).</summary>
internal sealed record InstallTarget(PythonInterpreter Python, InstallScheme Scheme, bool IsTargetOrPrefix, bool SystemFlag)
{
    public static InstallTarget Resolve(UvCommandLine line, bool fallBackToPath)
    {
        var systemFlag = Boolish.Flag(line, "system", "UV_SYSTEM_PYTHON");
        var python = PythonInterpreter.Query(InterpreterLocator.Locate(line, fallBackToPath));
        if (line.Value("target", "t") is { } target)
        {
            return new InstallTarget(python, InstallScheme.ForTarget(Path.GetFullPath(target)), true, systemFlag);
        }
        if (line.Value("prefix") is { } prefix)
        {
            return new InstallTarget(python, InstallScheme.ForPrefix(Path.GetFullPath(prefix), python), true, systemFlag);
        }
        return new InstallTarget(python, InstallScheme.ForInterpreter(python), false, systemFlag);
    }

    /// <summary>uv's dimmed "which interpreter" line.</summary>
    public void Report(TextWriter stderr)
    {
        stderr.WriteLine(
            IsTargetOrPrefix
                ? $"Using CPython {Python.Version} interpreter at: {Python.Executable}"
                : $"Using Python {Python.Version} environment at: {Python.Prefix}");
    }

    /// <summary>PEP 668 as uv applies it: never for venvs or under <c>--target</c>/<c>--prefix</c>.</summary>
    public void RefuseIfExternallyManaged(UvCommandLine line, string? consider = null)
    {
        if (IsTargetOrPrefix || Python.IsVirtualEnvironment || Boolish.Flag(line, "break-system-packages", "UV_BREAK_SYSTEM_PACKAGES"))
        {
            return;
        }
        var marker = Path.Combine(Python.Stdlib, "EXTERNALLY-MANAGED");
        if (!File.Exists(marker))
        {
            return;
        }
        var text = ExternallyManagedMarker.ErrorText(marker);
        var message = text is null
            ? $"The interpreter at {Python.Prefix} is externally managed and cannot be modified."
            : $"The interpreter at {Python.Prefix} is externally managed, and indicates the following:\n\n{Indent(text)}{consider}";
        var hint = SystemFlag
            ? "Virtual environments were not considered due to the `--system` flag"
            : "Consider creating a virtual environment, e.g., with `uv venv`";
        throw new UvError(message, hint: hint);
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
}
