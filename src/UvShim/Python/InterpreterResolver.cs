using UvShim.Platform;

namespace UvShim.Python;

/// <summary>What uvshim knows of the invocation when it looks for the interpreter uv would use.</summary>
internal sealed record ResolutionInput(
    string? PythonRequest,
    bool PythonFromEnvironment,
    bool System,
    bool ExplicitUser,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);

internal abstract record Resolution
{
    public sealed record Found(ResolvedInterpreter Interpreter) : Resolution;

    /// <summary>uv would find nothing either (it will say so itself).</summary>
    public sealed record NotFound(string Reason) : Resolution;

    /// <summary>The request cannot be used at all; uvshim stops with this message.</summary>
    public sealed record Invalid(string Message) : Resolution;
}

/// <summary>
/// Finds the interpreter uv would use for <c>uv pip install</c> (docs/design.md, "The decision"), in uv's order:
/// <c>--python</c>/<c>UV_PYTHON</c>, then with <c>--system</c> a base conda env and PATH; otherwise
/// <c>VIRTUAL_ENV</c>, a child <c>CONDA_PREFIX</c>, <c>.venv</c> in the working directory or a parent.
/// An explicit <c>--user</c> without a venv falls back to PATH as pip's own interpreter would be.
/// </summary>
/// <param name="askUvToFind">
/// <c>uv python find</c>: the request, whether <c>--system</c> applies, and uv's working directory; the
/// interpreter's path, or null when uv found none.
/// </param>
internal sealed class InterpreterResolver(Func<string, bool, string, string?> askUvToFind)
{
    public Resolution Resolve(ResolutionInput input)
    {
        if (input.PythonRequest is { Length: > 0 } request)
            return ResolveRequest(request, input);

        var env = input.Environment;
        if (input.System)
            return FindSystem(input, "--system");

        if (env.TryGetValue("VIRTUAL_ENV", out var venv) && venv.Length > 0)
        {
            var exe = VenvLayout.Executable(Path.GetFullPath(venv, input.WorkingDirectory));
            return exe is null
                ? new Resolution.NotFound($"VIRTUAL_ENV={venv} has no Python executable")
                : Found(exe, InterpreterKind.VirtualEnvironment, InterpreterSource.VirtualEnvVariable, "VIRTUAL_ENV");
        }

        if (Conda.ActivePrefix(env) is { } conda && Conda.IsChild(conda, env))
        {
            var exe = VenvLayout.Executable(conda);
            if (exe is not null)
                return Found(exe, InterpreterKind.VirtualEnvironment, InterpreterSource.CondaPrefix, "CONDA_PREFIX");
        }

        if (VenvLayout.FindDotVenv(input.WorkingDirectory) is { } dotVenv)
        {
            var exe = VenvLayout.Executable(dotVenv);
            return exe is null
                ? new Resolution.NotFound($"{dotVenv} has no Python executable")
                : Found(exe, InterpreterKind.VirtualEnvironment, InterpreterSource.DotVenv, ".venv in " + Path.GetDirectoryName(dotVenv));
        }

        if (input.ExplicitUser)
            return FindSystem(input, "--user without a venv");

        return new Resolution.NotFound("no virtual environment and no --system: uv needs one of them");
    }

    private Resolution ResolveRequest(string text, ResolutionInput input)
    {
        var source = input.PythonFromEnvironment ? InterpreterSource.PythonEnvironmentVariable : InterpreterSource.PythonOption;
        var label = input.PythonFromEnvironment ? $"UV_PYTHON={text}" : $"--python {text}";
        switch (PythonRequest.Parse(text, input.WorkingDirectory))
        {
            case PythonRequest.FilePath:
            {
                var path = Path.GetFullPath(text, input.WorkingDirectory);
                if (File.Exists(path))
                    return Found(path, KindOf(path), source, label);
                if (Directory.Exists(path) && VenvLayout.Executable(path) is { } inDir)
                    return Found(inDir, KindOf(inDir), source, label);
                return new Resolution.Invalid($"{label}: no Python interpreter at {path}");
            }
            case PythonRequest.ExecutableName name:
            {
                // uv 0.12.5 discovery.rs python_executables_with_name: which_all, on PATH (not UV_PYTHON_SEARCH_PATH).
                foreach (var exe in ExecutableSearch.FindAll(name.Text, input.Environment.GetValueOrDefault("PATH")))
                {
                    if (input.System && IsVenvInterpreter(exe))
                        continue;
                    return Found(exe, KindOf(exe), source, $"{label}, found on PATH");
                }
                return new Resolution.NotFound($"{label}: not found on PATH");
            }
            default:
            {
                var exe = askUvToFind(text, input.System, input.WorkingDirectory);
                return exe is null
                    ? new Resolution.NotFound($"{label}: uv python find found no interpreter")
                    : Found(exe, KindOf(exe), InterpreterSource.AskedUv, $"{label}, found by uv python find");
            }
        }
    }

    private static Resolution FindSystem(ResolutionInput input, string why)
    {
        var env = input.Environment;
        if (Conda.ActivePrefix(env) is { } conda && !Conda.IsChild(conda, env) && VenvLayout.Executable(conda) is { } baseExe)
            return Found(baseExe, InterpreterKind.System, InterpreterSource.CondaPrefix, why + ": the conda base environment");

        // uv takes python3 before python within each directory, so directories are the outer loop.
        foreach (var dir in ExecutableSearch.Directories(SearchPath(env)))
        {
            foreach (var name in OperatingSystem.IsWindows() ? ["python.exe"] : new[] { "python3", "python" })
            {
                var exe = Path.Combine(dir, name);
                if (!ExecutableSearch.IsExecutableFile(exe) || IsVenvInterpreter(exe))
                    continue;
                return Found(exe, InterpreterKind.System, InterpreterSource.SearchPath, why + ": first on " + SearchPathName(env));
            }
        }
        return new Resolution.NotFound($"no python3 or python on {SearchPathName(env)}");
    }

    private static Resolution.Found Found(string exe, InterpreterKind kind, InterpreterSource source, string how) =>
        new(new ResolvedInterpreter(exe, kind, source, how));

    private static InterpreterKind KindOf(string exe) =>
        IsVenvInterpreter(exe) ? InterpreterKind.VirtualEnvironment : InterpreterKind.System;

    /// <summary>A venv's interpreter has <c>pyvenv.cfg</c> beside it or one level up (PEP 405).</summary>
    public static bool IsVenvInterpreter(string exe)
    {
        var dir = Path.GetDirectoryName(exe);
        return dir is not null
            && (File.Exists(Path.Combine(dir, "pyvenv.cfg"))
                || (Path.GetDirectoryName(dir) is { } parent && File.Exists(Path.Combine(parent, "pyvenv.cfg"))));
    }

    private static string? SearchPath(IReadOnlyDictionary<string, string> env) =>
        env.TryGetValue("UV_PYTHON_SEARCH_PATH", out var p) && p.Length > 0 ? p
        : env.TryGetValue("PATH", out var path) ? path : null;

    private static string SearchPathName(IReadOnlyDictionary<string, string> env) =>
        env.TryGetValue("UV_PYTHON_SEARCH_PATH", out var p) && p.Length > 0 ? "UV_PYTHON_SEARCH_PATH" : "PATH";
}
