using System.Diagnostics;

namespace UvShim.FakeUv.Project;

/// <summary>How strictly an existing project environment is checked (uv's <c>ProjectEnvironmentPolicy</c>).</summary>
internal enum EnvironmentPolicy
{
    /// <summary>An environment is unnecessary: an invalid one is ignored (<c>ProjectInterpreter::discover</c> for
    /// <c>uv add --no-sync</c>, <c>uv add --frozen</c>, <c>uv remove --no-sync</c>, <c>uv export</c>).</summary>
    Optional,

    /// <summary>A valid environment is required (<c>get_or_init</c>: <c>Compatible</c> when syncing, <c>Preserve</c> under <c>--no-sync</c>).</summary>
    Required,
}

/// <summary>
/// The project environment (crates/uv/src/commands/project/mod.rs): <see cref="ProjectWorkspace.EnvironmentRoot"/>, checked
/// as <c>existing_project_environment</c> does: a file is an error; an empty or missing directory is no environment; a
/// directory with <c>bin/python3</c>/<c>bin/python</c> is one (a system prefix such as <c>/usr/local</c> too); any other
/// non-empty directory without <c>pyvenv.cfg</c> is uv's "not a valid Python environment" error unless the policy is
/// <see cref="EnvironmentPolicy.Optional"/>. <see cref="GetOrInit"/> creates a missing one (<c>python -m venv --without-pip</c>);
/// <see cref="Discover"/> falls back to a system interpreter instead. Compatibility with <c>requires-python</c> or
/// <c>--python</c> is not checked.
/// </summary>
internal static class ProjectEnvironment
{
    /// <summary><c>ProjectEnvironment::get_or_init</c>: the environment's interpreter, creating the environment if needed.</summary>
    public static string GetOrInit(ProjectWorkspace project, UvCommandLine line, UvOutput output)
    {
        var root = Root(project, line, output);
        if (Existing(root, EnvironmentPolicy.Required) is { } executable)
        {
            return executable;
        }
        var python = PythonInterpreter.Query(SystemInterpreter(line));
        output.Stderr.WriteLine($"Using CPython {python.Version} interpreter at: {UvPaths.UserDisplay(python.Executable)}");
        if (File.Exists(Path.Combine(root, "pyvenv.cfg")))
        {
            FileSystem.RemoveTree(root);
            output.Stderr.WriteLine($"Removed virtual environment at: {UvPaths.UserDisplay(root)}");
        }
        output.Stderr.WriteLine($"Creating virtual environment at: {UvPaths.UserDisplay(root)}");
        var start = new ProcessStartInfo(python.Executable, ["-m", "venv", "--without-pip", root])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new UvError($"Failed to create virtual environment at `{root}`", [error.Result.Trim()]);
        }
        return InterpreterLocator.InEnvironmentRoot(root) ?? throw new UvError($"Failed to create virtual environment at `{root}`");
    }

    /// <summary><c>ProjectInterpreter::discover</c> with the <c>Optional</c> policy: a usable environment's interpreter,
    /// else a system interpreter, announced as uv announces one it found.</summary>
    public static string Discover(ProjectWorkspace project, UvCommandLine line, UvOutput output)
    {
        if (Existing(Root(project, line, output), EnvironmentPolicy.Optional) is { } executable)
        {
            return executable;
        }
        var python = PythonInterpreter.Query(SystemInterpreter(line));
        output.Stderr.WriteLine($"Using CPython {python.Version} interpreter at: {UvPaths.UserDisplay(python.Executable)}");
        return python.Executable;
    }

    /// <summary>
    /// uv's <c>environment_selection</c>: the project environment, or with <c>--active</c> the one in <c>VIRTUAL_ENV</c>;
    /// without <c>--active</c>/<c>--no-active</c>, a <c>VIRTUAL_ENV</c> naming another directory draws uv's warning.
    /// </summary>
    public static string Root(ProjectWorkspace project, UvCommandLine line, UvOutput output)
    {
        var selected = project.EnvironmentRoot;
        var active = line.FlagPair("active", "no-active");
        if (Environment.GetEnvironmentVariable("VIRTUAL_ENV") is not { Length: > 0 } virtualEnv)
        {
            return selected;
        }
        var fromVirtualEnv = Path.GetFullPath(virtualEnv);
        if (active == true)
        {
            return fromVirtualEnv;
        }
        if (active is null && !SameDirectory(fromVirtualEnv, selected))
        {
            output.Stderr.WriteLine(
                $"warning: `VIRTUAL_ENV={UvPaths.UserDisplay(fromVirtualEnv)}` does not match the project environment path `{UvPaths.UserDisplay(selected)}` and will be ignored; use `--active` to target the active environment instead");
        }
        return selected;
    }

    private static bool SameDirectory(string a, string b)
    {
        string Resolve(string path) => Directory.Exists(path) ? new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
        return string.Equals(Resolve(a).TrimEnd('/'), Resolve(b).TrimEnd('/'), StringComparison.Ordinal);
    }

    /// <summary>The environment's interpreter, null when there is none to use, or uv's error for a directory it cannot use.</summary>
    public static string? Existing(string root, EnvironmentPolicy policy)
    {
        if (File.Exists(root))
        {
            throw new UvError($"Project virtual environment directory `{root}` cannot be used because expected directory but found a file");
        }
        if (!Directory.Exists(root) || !Directory.EnumerateFileSystemEntries(root).Any())
        {
            return null;
        }
        if (InterpreterLocator.InEnvironmentRoot(root) is { } executable)
        {
            return executable;
        }
        if (policy == EnvironmentPolicy.Required && !File.Exists(Path.Combine(root, "pyvenv.cfg")))
        {
            throw new UvError(
                $"Project virtual environment directory `{root}` cannot be used because it is not a valid Python environment (no Python executable was found)");
        }
        return null;
    }

    /// <summary><c>EnvironmentPreference::OnlySystem</c>: <c>--python</c>/<c>UV_PYTHON</c> (a path or a name on PATH), else
    /// the first <c>python3</c>/<c>python</c> on PATH that is not a virtual environment's.</summary>
    private static string SystemInterpreter(UvCommandLine line)
    {
        var request = line.Value("python", "p") ?? Environment.GetEnvironmentVariable("UV_PYTHON");
        if (!string.IsNullOrEmpty(request))
        {
            return InterpreterLocator.Locate(new PipSettings(false, request, null, null, false), EnvironmentPreference.Any);
        }
        var searchPath = Environment.GetEnvironmentVariable("UV_PYTHON_SEARCH_PATH") is { Length: > 0 } configured
            ? configured
            : Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(directory, "..", "pyvenv.cfg")))
            {
                continue;
            }
            foreach (var candidate in new[] { "python3", "python" }.Select(n => Path.Combine(directory, n)))
            {
                if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0)
                {
                    return candidate;
                }
            }
        }
        return InterpreterLocator.FirstOnPath(["python3", "python"]) ?? throw new UvError("No interpreter found in search path");
    }
}
