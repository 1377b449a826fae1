using UvShim.Decision;
using UvShim.Platform;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// pip's scripts-not-on-PATH warning (pip 24 to 26 src/pip/_internal/operations/install/wheel.py
/// <c>message_about_scripts_not_on_PATH</c>): after each wheel is installed, for the console scripts it generated in a
/// directory that is not on PATH and is not the interpreter's own.
/// </summary>
internal static class ScriptsOnPath
{
    /// <summary>pip's switch for the warning; uv does not know it, so uvshim removes it from a rewritten install.</summary>
    public const string NoWarnOption = "--no-warn-script-location";

    public static string Directory(UserLayout layout) =>
        layout switch
        {
            UserLayout.Target target => target.ScriptsDirectory,
            _ => ((UserLayout.Prefix)layout).ScriptsDirectory,
        };

    /// <summary>
    /// The check to make after the install, or null when pip would not warn: the directory is on PATH (as written or
    /// resolved) or is the interpreter's own.
    /// </summary>
    public static ScriptsWatch? Watch(string scriptsDirectory, IReadOnlyList<string> siteDirectories, InterpreterProbe probe, IReadOnlyDictionary<string, string> env) =>
        IsOnPath(scriptsDirectory, probe, env)
            ? null
            : new ScriptsWatch(scriptsDirectory, siteDirectories, probe.IsWindows, PathEntries(env).Any(e => e.StartsWith('~')));

    /// <summary>pip's test: the directory is on PATH (as written or resolved), or is the interpreter's own.</summary>
    public static bool IsOnPath(string scriptsDirectory, InterpreterProbe probe, IReadOnlyDictionary<string, string> env)
    {
        var wanted = Normalize(scriptsDirectory);
        if (PathEntries(env).Any(e => Normalize(e) == wanted || Normalize(Resolve(e)) == wanted))
            return true;
        return Path.GetDirectoryName(probe.Executable) is { } exeDir && Normalize(exeDir) == wanted;
    }

    /// <summary>pip's words for the console scripts of one distribution (sorted as Python sorts strings).</summary>
    public static string Message(string scriptsDirectory, IReadOnlyCollection<string> scripts, bool tildeOnPath)
    {
        var sorted = scripts.Order(StringComparer.Ordinal).ToList();
        var start = sorted.Count == 1
            ? $"script {sorted[0]} is"
            : $"scripts {string.Join(", ", sorted[..^1])} and {sorted[^1]} are";
        var message = $"WARNING: The {start} installed in '{scriptsDirectory}' which is not on PATH.\n"
            + "Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.";
        if (tildeOnPath)
            message += "\nNOTE: The current PATH contains path(s) starting with `~`, which may not be expanded by all applications.";
        return message;
    }

    private static List<string> PathEntries(IReadOnlyDictionary<string, string> env)
    {
        var path = env.GetValueOrDefault(OperatingSystem.IsWindows() ? "Path" : "PATH") ?? env.GetValueOrDefault("PATH") ?? "";
        return ExecutableSearch.Directories(path).ToList();
    }

    private static string Resolve(string directory) =>
        System.IO.Directory.Exists(directory) ? RealPath.Of(directory) : directory;

    private static string Normalize(string directory)
    {
        var trimmed = directory.TrimEnd('/', '\\');
        return OperatingSystem.IsWindows() ? trimmed.ToLowerInvariant() : trimmed;
    }
}
