using System.Text.RegularExpressions;

namespace UvShim.Planning;

/// <summary>PEP 503 names, and the names a requirements file or a site-packages directory holds.</summary>
internal static partial class PackageName
{
    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    /// <summary>The distribution names installed in a site-packages directory (<c>*.dist-info</c>, <c>*.egg-info</c>).</summary>
    public static HashSet<string> InstalledIn(string sitePackages)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(sitePackages))
            return names;
        foreach (var entry in Directory.EnumerateFileSystemEntries(sitePackages))
        {
            var file = Path.GetFileName(entry);
            if (!file.EndsWith(".dist-info", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".egg-info", StringComparison.OrdinalIgnoreCase))
                continue;
            // Wheel escapes '-' in the name as '_', so the first '-' ends the name.
            var dash = file.IndexOf('-');
            var name = dash > 0 ? file[..dash] : Path.GetFileNameWithoutExtension(file);
            names.Add(Normalize(name));
        }
        return names;
    }

    /// <summary>The names a requirements file asks for: one per requirement line, options and comments skipped.</summary>
    public static List<string> InRequirementsFile(string path)
    {
        var names = new List<string>();
        foreach (var rawLine in File.ReadAllLines(path))
        {
            var line = rawLine.Split(" #")[0].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('-'))
                continue;
            var match = Leading().Match(line);
            if (match.Success)
                names.Add(Normalize(match.Value));
        }
        return names;
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")]
    private static partial Regex Leading();
}
