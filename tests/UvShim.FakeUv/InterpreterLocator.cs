namespace UvShim.FakeUv;

/// <summary>
/// Which Python the fake installs for: <c>--python</c>/<c>-p</c>/<c>UV_PYTHON</c>; else, with
/// <c>--system</c>/<c>UV_SYSTEM_PYTHON</c>, <c>python3</c> then <c>python</c> on PATH (per directory, like uv);
/// else the venv in <c>VIRTUAL_ENV</c>; else (read-only commands only) PATH; else uv's "No virtual environment found".
/// </summary>
internal static class InterpreterLocator
{
    public const string NoVirtualEnvironment =
        "No virtual environment found; run `uv venv` to create an environment, or pass `--system` to install into a non-virtual environment";

    public static string Locate(UvCommandLine line, bool fallBackToPath)
    {
        var request = line.Value("python", "p");
        if (string.IsNullOrEmpty(request))
        {
            request = Environment.GetEnvironmentVariable("UV_PYTHON");
        }
        if (!string.IsNullOrEmpty(request))
        {
            return FromRequest(request);
        }

        if (Boolish.Flag(line, "system", "UV_SYSTEM_PYTHON"))
        {
            return FirstOnPath(["python3", "python"]) ?? throw new UvError("No interpreter found in search path");
        }

        if (Environment.GetEnvironmentVariable("VIRTUAL_ENV") is { Length: > 0 } venv)
        {
            return InDirectory(Path.GetFullPath(venv))
                ?? throw new UvError($"Failed to inspect Python interpreter from active virtual environment at `{venv}`");
        }

        if (fallBackToPath && FirstOnPath(["python3", "python"]) is { } found)
        {
            return found;
        }
        throw new UvError(NoVirtualEnvironment);
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

    private static string? FirstOnPath(string[] names)
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

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
