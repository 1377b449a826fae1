using System.Text;
using UvShim.Processes;

namespace UvShim.Python;

/// <summary>
/// Asks the real uv which interpreter a version request means (<c>uv python find</c>), for requests such as
/// <c>3.12</c>, <c>python3.12</c> or <c>cpython@3.12</c> that only uv can answer exactly.
/// </summary>
internal sealed class UvPythonFind(Lazy<string> uv, TimeSpan timeout)
{
    // The pip commands ignore the global Python preference: uv 0.12.5 crates/uv/src/commands/pip/{install,list,show,...}.rs
    // pass PythonPreference::default().with_system_flag(system), i.e. managed (discovery.rs L2607), system under --system.
    // UV_MANAGED_PYTHON and UV_NO_MANAGED_PYTHON would conflict with --python-preference (settings.rs resolve_python_preference).
    private static readonly Dictionary<string, string?> WithoutPreferenceVariables = new()
    {
        ["UV_MANAGED_PYTHON"] = null,
        ["UV_NO_MANAGED_PYTHON"] = null,
    };

    /// <summary>The command line of one question; <c>--no-system</c> keeps UV_SYSTEM_PYTHON from answering for uvshim.</summary>
    public static IReadOnlyList<string> Arguments(string request, bool system) =>
        ["python", "find", "--no-project", "--python-preference", system ? "system" : "managed", system ? "--system" : "--no-system", request];

    /// <param name="workingDirectory">uv's working directory: the virtual environments it finds depend on it.</param>
    public string? Find(string request, bool system, string workingDirectory)
    {
        try
        {
            var question = ChildRequest.Captured(uv.Value, Arguments(request, system), timeout, maxOutputBytes: 64 * 1024, keptErrorBytes: 1024);
            var run = ChildProcess.Run(question with { WorkingDirectory = workingDirectory, Environment = WithoutPreferenceVariables });
            var path = run.OutputText.Trim();
            return run.ExitCode == 0 && path.Length > 0 && File.Exists(path) ? path : null;
        }
        catch (ChildFailedException)
        {
            return null;
        }
    }
}
