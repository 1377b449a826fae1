using UvShim.Decision;
using UvShim.Platform;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// pip's scripts-not-on-PATH warning (operations/install/wheel.py). pip names the scripts after
/// installing; uvshim hands over before uv installs, so it names the directory instead.
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

    public static string? Warning(string scriptsDirectory, InterpreterProbe probe, IReadOnlyDictionary<string, string> env)
    {
        var path = env.GetValueOrDefault(OperatingSystem.IsWindows() ? "Path" : "PATH") ?? env.GetValueOrDefault("PATH") ?? "";
        var entries = ExecutableSearch.Directories(path).ToList();
        var wanted = Normalize(scriptsDirectory);
        if (entries.Any(e => Normalize(e) == wanted || Normalize(Resolve(e)) == wanted))
            return null;
        if (Path.GetDirectoryName(probe.Executable) is { } exeDir && Normalize(exeDir) == wanted)
            return null;

        var warning = $"WARNING: Scripts of these packages will be installed in '{scriptsDirectory}' which is not on PATH.\n"
            + "Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.";
        if (entries.Any(e => e.StartsWith('~')))
            warning += "\nNOTE: The current PATH contains path(s) starting with `~`, which may not be expanded by all applications.";
        return warning;
    }

    private static string Resolve(string directory) =>
        System.IO.Directory.Exists(directory) ? RealPath.Of(directory) : directory;

    private static string Normalize(string directory)
    {
        var trimmed = directory.TrimEnd('/', '\\');
        return OperatingSystem.IsWindows() ? trimmed.ToLowerInvariant() : trimmed;
    }
}
