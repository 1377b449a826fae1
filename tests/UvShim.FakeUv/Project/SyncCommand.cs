using System.Diagnostics;

namespace UvShim.FakeUv.Project;

/// <summary>
/// <c>uv sync</c> from the project's <c>uv.lock</c>, for projects whose locked packages are local wheels (the virtual
/// root is not installed). The environment is <c>UV_PROJECT_ENVIRONMENT</c> (relative to the project root) or
/// <c>.venv</c>, checked as uv's <c>existing_project_environment</c> does: a file is an error; a non-empty directory with
/// neither <c>bin/python3</c>/<c>bin/python</c> nor <c>pyvenv.cfg</c> is uv's "not a valid Python environment" error
/// (exit 2); a missing or empty one is created as a venv (<c>python -m venv --without-pip</c> with the first
/// <c>python3</c> on PATH or <c>--python</c>). A system prefix with <c>bin/python3</c> is used as it is, so an
/// unwritable one fails like uv: <c>Failed to install: … Permission denied</c>. The sync is exact unless <c>--inexact</c>.
/// Knowingly different: no re-locking without <c>--frozen</c>; no <c>requires-python</c> check; registry, URL and Git
/// packages and non-virtual roots cannot be installed offline.
/// </summary>
internal static class SyncCommand
{
    public static int Run(UvCommandLine line)
    {
        var clock = Stopwatch.StartNew();
        var project = ProjectWorkspace.Discover(line);
        var lockFile = project.ReadLock(line);
        var output = new UvOutput(line.Quiet);
        var frozen = line.Has("frozen") || Boolish.Env("UV_FROZEN");
        if (!frozen)
        {
            output.Stderr.WriteLine($"Resolved {UvOutput.Packages(lockFile.Packages.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
        }

        var root = EnvironmentRoot(project);
        var executable = ExistingEnvironment(root) ?? CreateVirtualEnvironment(root, line, output);
        var python = PythonInterpreter.Query(executable);
        var settings = new PipSettings(false, executable, null, null, true);
        var target = new InstallTarget(python, InstallScheme.ForInterpreter(python), false, settings);

        var wheels = new List<LocalWheel>();
        foreach (var node in LockSelection.Select(lockFile, project, line))
        {
            var package = node.Package;
            switch (package.Source.Kind)
            {
                case "virtual":
                    continue;
                case "path" when WheelFileName.IsWheelPath(package.Source.Value):
                    var path = Path.GetFullPath(package.Source.Value, project.Root);
                    var requirement = new Requirement(package.Name, package.Name, UvPaths.FileUrl(path), package.Hashes, false);
                    wheels.Add(LocalWheel.FromRequirement(requirement));
                    break;
                default:
                    throw new UvError($"the fake uv can sync only local wheels; cannot install `{package.Name}` from a `{package.Source.Kind}` source");
            }
        }
        return InstallOperation.Run(
            target,
            wheels,
            output,
            exact: line.FlagPair("exact", "inexact") ?? true,
            reinstall: line.Has("reinstall", "force-reinstall"),
            dryRun: line.Has("dry-run"),
            reportResolved: false);
    }

    private static string EnvironmentRoot(ProjectWorkspace project) =>
        Environment.GetEnvironmentVariable("UV_PROJECT_ENVIRONMENT") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, project.Root)
            : Path.Combine(project.Root, ".venv");

    /// <summary>The environment's interpreter, null when it has to be created, or uv's error for a directory it cannot use.</summary>
    private static string? ExistingEnvironment(string root)
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
        if (!File.Exists(Path.Combine(root, "pyvenv.cfg")))
        {
            throw new UvError(
                $"Project virtual environment directory `{root}` cannot be used because it is not a valid Python environment (no Python executable was found)");
        }
        return null;
    }

    private static string CreateVirtualEnvironment(string root, UvCommandLine line, UvOutput output)
    {
        var request = line.Value("python", "p") ?? Environment.GetEnvironmentVariable("UV_PYTHON");
        var interpreter = !string.IsNullOrEmpty(request) && request.Contains('/')
            ? Path.GetFullPath(request)
            : InterpreterLocator.FirstOnPath(["python3", "python"]) ?? throw new UvError("No interpreter found in search path");
        var python = PythonInterpreter.Query(interpreter);
        output.Stderr.WriteLine($"Using CPython {python.Version} interpreter at: {UvPaths.UserDisplay(python.Executable)}");
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
}
