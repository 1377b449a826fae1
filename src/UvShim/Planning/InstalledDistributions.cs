using System.Text.RegularExpressions;

namespace UvShim.Planning;

/// <summary>An installed distribution: its PEP 503 name and its version as recorded.</summary>
internal readonly record struct InstalledDistribution(string Name, string Version);

/// <summary>
/// The distributions in site-packages directories, as importlib.metadata finds them: <c>*.dist-info</c> directories and
/// <c>*.egg-info</c> directories or files (distributors' packages: Debian's python3-* have either). The name and version
/// come from the entry's name where it has both, else from its METADATA or PKG-INFO headers. Over several directories
/// the first one on sys.path wins, as it does for an import.
/// </summary>
internal static partial class InstalledDistributions
{
    public static List<InstalledDistribution> In(IEnumerable<string> siteDirectories)
    {
        var found = new Dictionary<string, InstalledDistribution>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var site in siteDirectories)
        {
            List<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(site).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (Read(entry) is not { } distribution || found.ContainsKey(distribution.Name))
                    continue;
                found[distribution.Name] = distribution;
                order.Add(distribution.Name);
            }
        }
        return order.Select(n => found[n]).ToList();
    }

    private static InstalledDistribution? Read(string entry)
    {
        var file = Path.GetFileName(entry);
        var distInfo = file.EndsWith(".dist-info", StringComparison.OrdinalIgnoreCase);
        if (!distInfo && !file.EndsWith(".egg-info", StringComparison.OrdinalIgnoreCase))
            return null;
        var match = EntryName().Match(Path.GetFileNameWithoutExtension(file));
        if (match.Success)
            return new InstalledDistribution(PackageName.Normalize(match.Groups["name"].Value), match.Groups["version"].Value);

        var metadata = Directory.Exists(entry) ? Path.Combine(entry, distInfo ? "METADATA" : "PKG-INFO") : entry;
        var (name, version) = Headers(metadata);
        return name is null || version is null ? null : new InstalledDistribution(PackageName.Normalize(name), version);
    }

    /// <summary>The <c>Name</c> and <c>Version</c> headers (RFC 822 style, before the first blank line).</summary>
    private static (string? Name, string? Version) Headers(string path)
    {
        string? name = null, version = null;
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                    break;
                if (line.StartsWith("Name:", StringComparison.OrdinalIgnoreCase))
                    name ??= line[5..].Trim();
                else if (line.StartsWith("Version:", StringComparison.OrdinalIgnoreCase))
                    version ??= line[8..].Trim();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return (name, version);
    }

    // Wheel and setuptools escape '-' in the name, so the first '-' ends it; an egg's "-py3.11" suffix is not the version's.
    [GeneratedRegex(@"^(?<name>[^-]+)-(?<version>[^-]+)(-py\d[^-]*)?$")]
    private static partial Regex EntryName();
}
