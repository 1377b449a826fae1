namespace UvShim.FakeUv;

/// <summary>Which environments an interpreter search accepts (uv's <c>EnvironmentPreference</c>).</summary>
internal enum EnvironmentPreference
{
    /// <summary>Virtual environments first, then any interpreter on PATH (list, freeze, show; install with a target or prefix).</summary>
    Any,

    /// <summary>Virtual environments only, unless a system interpreter is named by path (install, sync, uninstall).</summary>
    ExplicitSystem,
}

/// <summary>
/// Which Python a pip command acts on: <c>--python</c>/<c>-p</c>/<c>UV_PYTHON</c>/<c>[pip] python</c>; else, with
/// <c>--system</c>/<c>UV_SYSTEM_PYTHON</c>/<c>[pip] system</c>, <c>python3</c> then <c>python</c> on PATH (per
/// directory, like uv); else the venv in <c>VIRTUAL_ENV</c>, then a <c>.venv</c> in the working directory or a
/// parent; else (<see cref="EnvironmentPreference.Any"/> only) PATH; else uv's "No virtual environment found".
/// </summary>
internal static class InterpreterLocator
{
    public const string NoVirtualEnvironment =
        "No virtual environment found; run `uv venv` to create an environment, or pass `--system` to install into a non-virtual environment";

    public static string Locate(PipSettings settings, EnvironmentPreference preference)
    {
        if (settings.Python is { } request)
        {
            return FromRequest(request);
        }

        if (settings.System)
        {
            return FirstOnPath(["python3", "python"]) ?? throw new UvError("No interpreter found in search path");
        }

        if (Environment.GetEnvironmentVariable("VIRTUAL_ENV") is { Length: > 0 } venv)
        {
            return InDirectory(Path.GetFullPath(venv))
                ?? throw new UvError($"Failed to inspect Python interpreter from active virtual environment at `{venv}`");
        }

        for (var directory = Directory.GetCurrentDirectory(); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var dotVenv = Path.Combine(directory, ".venv");
            if (Directory.Exists(dotVenv) && InDirectory(dotVenv) is { } found)
            {
                return found;
            }
        }

        if (preference == EnvironmentPreference.Any && FirstOnPath(["python3", "python"]) is { } onPath)
        {
            return onPath;
        }
        throw new UvError(NoVirtualEnvironment);
    }

    /// <summary>A venv-style root's interpreter: <c>bin/python3</c>, else <c>bin/python</c> (uv's <c>virtualenv_python_executable</c>).</summary>
    public static string? InEnvironmentRoot(string root) =>
        new[] { "bin/python3", "bin/python" }.Select(relative => Path.Combine(root, relative)).FirstOrDefault(IsExecutable);

    public static string? FirstOnPath(string[] names)
    {
        var searchPath = Environment.GetEnvironmentVariable("UV_PYTHON_SEARCH_PATH");
        if (string.IsNullOrEmpty(searchPath))
        {
            searchPath = Environment.GetEnvironmentVariable("PATH") ?? "";
        }
        foreach (var directory in searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static string FromRequest(string request)
    {
        if (request.Contains('/'))
        {
            var path = Path.GetFullPath(request);
            if (Directory.Exists(path))
            {
                return InDirectory(path) ?? throw new UvError($"No interpreter found in directory `{request}`");
            }
            return File.Exists(path) ? path : throw new UvError($"No interpreter found at path `{request}`");
        }
        var name = char.IsDigit(request[0]) ? "python" + request : request;
        return FirstOnPath([name]) ?? throw new UvError($"No interpreter found for {request} in search path");
    }

    private static string? InDirectory(string root) =>
        new[] { "bin/python3", "bin/python", "python3", "python" }
            .Select(relative => Path.Combine(root, relative))
            .FirstOrDefault(IsExecutable);

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
