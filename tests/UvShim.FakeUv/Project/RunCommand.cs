using System.ComponentModel;
using System.Diagnostics;

namespace UvShim.FakeUv.Project;

/// <summary>
/// <c>uv run</c> (crates/uv/src/commands/project/run.rs). In a project (not <c>--no-project</c>/<c>UV_NO_PROJECT</c>;
/// <c>--package</c> always selects one): the project environment from <see cref="ProjectEnvironment.GetOrInit"/>, which
/// runs even with <c>--no-sync</c>, so an invalid environment fails then too; unless <c>--no-sync</c>/<c>UV_NO_SYNC</c>,
/// the locked packages are installed into it (inexact unless <c>--exact</c>; only the "Installed …" summary, uv's
/// <c>SummaryInstallLogger</c>). Outside a project (or with <c>--no-project</c>): <c>--python</c>/<c>UV_PYTHON</c>, else
/// a virtual environment, else the first <c>python3</c> on PATH. The command then runs as a child with the
/// interpreter's scripts directory first on PATH, <c>VIRTUAL_ENV</c> set when the interpreter is a virtual
/// environment's, <c>UV_RUN_RECURSION_DEPTH</c> raised by one; <c>python</c>, a <c>.py</c> file and <c>-m</c> run with
/// the interpreter. The exit code is the child's (128 + signal for a signal). Knowingly different: <c>--isolated</c>,
/// <c>--with</c> and PEP 723 scripts with inline metadata are not supported; no re-locking.
/// </summary>
internal static class RunCommand
{
    public static int Run(UvCommandLine line)
    {
        // The command is clap's external subcommand (uv-cli RunArgs::command): its name and every word after it.
        string[] command = line.Parsed.External is { } external ? [external.Name, .. external.ExternalArguments] : [];
        var output = new UvOutput(line.Quiet);
        if (command.Length > 0 && command[0].EndsWith(".py", StringComparison.OrdinalIgnoreCase) && File.Exists(command[0])
            && File.ReadLines(command[0]).Any(l => l.TrimEnd() == "# /// script"))
        {
            throw new UvError("the fake uv cannot run PEP 723 scripts with inline metadata");
        }
        if (line.Has("with", "w", "with-editable", "with-requirements"))
        {
            throw new UvError("the fake uv cannot run with `--with` requirements");
        }
        var noProject = line.Has("no-project") || Boolish.Env("UV_NO_PROJECT");
        var noSync = line.Has("no-sync") || Boolish.Env("UV_NO_SYNC");
        var frozen = line.Has("frozen") || Boolish.Env("UV_FROZEN");

        var project = line.Values("package").Any() ? ProjectWorkspace.Discover(line) : noProject ? null : ProjectWorkspace.TryDiscover(line);
        if (noProject)
        {
            if (frozen)
            {
                output.Stderr.WriteLine("warning: `--frozen` has no effect when used alongside `--no-project`");
            }
            if (noSync)
            {
                output.Stderr.WriteLine("warning: `--no-sync` has no effect when used alongside `--no-project`");
            }
        }
        else if (project is null && noSync)
        {
            output.Stderr.WriteLine("warning: `--no-sync` has no effect when used outside of a project");
        }

        string executable;
        if (project is not null)
        {
            if (line.Has("isolated") || Boolish.Env("UV_ISOLATED"))
            {
                throw new UvError("the fake uv cannot run a project in an isolated environment");
            }
            executable = ProjectEnvironment.GetOrInit(project, line, output);
            if (!noSync)
            {
                var lockFile = project.ReadLock(line);
                ProjectSync.Install(project, lockFile, line, executable, output, exact: line.FlagPair("exact", "inexact") ?? false, summaryOnly: true);
            }
        }
        else
        {
            var request = line.Value("python", "p") ?? Environment.GetEnvironmentVariable("UV_PYTHON");
            executable = InterpreterLocator.Locate(new PipSettings(false, string.IsNullOrEmpty(request) ? null : request, null, null, false), EnvironmentPreference.Any);
        }
        var python = PythonInterpreter.Query(executable);

        if (command.Length == 0)
        {
            return ListCommands(python);
        }
        return Spawn(python, command, line.Has("module", "m"));
    }

    private static int Spawn(PythonInterpreter python, string[] command, bool module)
    {
        var scripts = python.Scheme["scripts"];
        var path = string.Join(':', new[] { scripts }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')));
        var (program, arguments) = module
            ? (python.Executable, ["-m", .. command])
            : command[0] == "python" || (command[0].EndsWith(".py", StringComparison.OrdinalIgnoreCase) && File.Exists(command[0]))
                ? (python.Executable, command[0] == "python" ? command[1..] : command)
                : (Resolve(command[0], path), command[1..]);

        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PATH"] = path;
        var depth = int.TryParse(Environment.GetEnvironmentVariable("UV_RUN_RECURSION_DEPTH"), out var current) ? current : 0;
        start.Environment["UV_RUN_RECURSION_DEPTH"] = (depth + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (python.IsVirtualEnvironment)
        {
            start.Environment["VIRTUAL_ENV"] = python.Prefix;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new UvError($"Failed to spawn: `{command[0]}`", [$"{e.Message} (os error {e.NativeErrorCode})"]);
        }
        using (process)
        using (new ChildSignals(process.Id))
        {
            process.WaitForExit();
            return process.ExitCode;
        }
    }

    /// <summary>Rust's <c>Command::new</c> looks a bare name up in the child's PATH.</summary>
    private static string Resolve(string name, string path)
    {
        if (name.Contains('/'))
        {
            return name;
        }
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }
        return name;
    }

    /// <summary>uv's answer to <c>uv run</c> without a command: the executables of the scripts directory, exit 2.</summary>
    private static int ListCommands(PythonInterpreter python)
    {
        Console.Out.WriteLine("Provide a command or script to invoke with `uv run <command>` or `uv run <script>.py`.\n");
        var scripts = python.Scheme["scripts"];
        var commands = Directory.Exists(scripts)
            ? Directory.EnumerateFiles(scripts)
                .Where(f => (File.GetUnixFileMode(f) & UnixFileMode.UserExecute) != 0)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => !n.StartsWith("activate", StringComparison.Ordinal) && !n.StartsWith("deactivate", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (commands.Count > 0)
        {
            Console.Out.WriteLine("The following commands are available in the environment:\n");
            foreach (var command in commands)
            {
                Console.Out.WriteLine($"- {command}");
            }
        }
        Console.Out.WriteLine("\nSee `uv run --help` for more information.");
        return 2;
    }
}
