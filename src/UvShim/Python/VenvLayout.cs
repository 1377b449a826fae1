namespace UvShim.Python;

/// <summary>Where a virtual environment keeps its interpreter, and where uv looks for <c>.venv</c>.</summary>
internal static class VenvLayout
{
    public static string? Executable(string root)
    {
        string[] candidates = OperatingSystem.IsWindows()
            ? [Path.Combine(root, "Scripts", "python.exe"), Path.Combine(root, "python.exe")]
            : [Path.Combine(root, "bin", "python3"), Path.Combine(root, "bin", "python")];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The nearest <c>.venv</c> with a <c>pyvenv.cfg</c>, from <paramref name="start"/> upwards.</summary>
    public static string? FindDotVenv(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".venv");
            if (File.Exists(Path.Combine(candidate, "pyvenv.cfg")))
                return candidate;
        }
        return null;
    }
}
