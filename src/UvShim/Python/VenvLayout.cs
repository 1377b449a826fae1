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

    /// <summary>
    /// Whether the environment of <paramref name="executable"/> may see the user site, read cheaply before any probe: a
    /// venv whose pyvenv.cfg (beside the executable or one level up, PEP 405) says <c>include-system-site-packages = true</c>
    /// as CPython's <c>site.venv()</c> reads it, or one uvshim cannot read (the probe decides), or no venv at all (a conda
    /// environment, which Python treats as a prefix of its own).
    /// </summary>
    public static bool MaySeeUserSite(string executable)
    {
        var dir = Path.GetDirectoryName(executable);
        foreach (var candidate in new[] { dir, dir is null ? null : Path.GetDirectoryName(dir) })
        {
            if (candidate is null)
                continue;
            var config = Path.Combine(candidate, "pyvenv.cfg");
            if (!File.Exists(config))
                continue;
            try
            {
                string? value = null;
                foreach (var line in File.ReadLines(config))
                {
                    var at = line.IndexOf('=');
                    if (at >= 0 && line[..at].Trim().Equals("include-system-site-packages", StringComparison.OrdinalIgnoreCase))
                        value = line[(at + 1)..].Trim();
                }
                return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return true;
            }
        }
        return true;
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
