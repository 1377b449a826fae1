namespace UvShim.Platform;

/// <summary>Finds programs on a search path the way a shell does, without running anything.</summary>
internal static class ExecutableSearch
{
    public static IEnumerable<string> Directories(string? searchPath) =>
        (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    public static IEnumerable<string> FindAll(string name, string? searchPath)
    {
        foreach (var dir in Directories(searchPath))
        {
            foreach (var candidate in Candidates(Path.Combine(dir, name)))
            {
                if (IsExecutableFile(candidate))
                    yield return candidate;
            }
        }
    }

    public static bool IsExecutableFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return false;
            if (OperatingSystem.IsWindows())
                return true;
            var mode = File.GetUnixFileMode(path);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Candidates(string path)
    {
        if (!OperatingSystem.IsWindows() || Path.HasExtension(path))
        {
            yield return path;
            yield break;
        }
        yield return path + ".exe";
    }
}
