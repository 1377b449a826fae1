namespace UvShim.FakeUv;

/// <summary>A <c>*.dist-info</c> directory in a site directory.</summary>
internal sealed record InstalledDistribution(string SiteDirectory, string DistInfo, string Name, string Version)
{
    public string NormalizedName => PackageName.Normalize(Name);

    public string Display => $"{NormalizedName}=={Version}";

    public static IEnumerable<InstalledDistribution> Scan(IEnumerable<string> siteDirectories)
    {
        foreach (var site in siteDirectories.Distinct())
        {
            if (!Directory.Exists(site))
            {
                continue;
            }
            foreach (var distInfo in Directory.EnumerateDirectories(site, "*.dist-info").Order(StringComparer.Ordinal))
            {
                if (Read(site, distInfo) is { } distribution)
                {
                    yield return distribution;
                }
            }
        }
    }

    public static InstalledDistribution? Find(IEnumerable<string> siteDirectories, string name) =>
        Scan(siteDirectories).FirstOrDefault(d => d.NormalizedName == PackageName.Normalize(name));

    private static InstalledDistribution? Read(string site, string distInfo)
    {
        var metadata = Path.Combine(distInfo, "METADATA");
        if (!File.Exists(metadata))
        {
            return null;
        }
        string? name = null, version = null;
        foreach (var line in File.ReadLines(metadata))
        {
            if (line.Length == 0)
            {
                break;
            }
            if (line.StartsWith("Name:", StringComparison.Ordinal))
            {
                name = line[5..].Trim();
            }
            else if (line.StartsWith("Version:", StringComparison.Ordinal))
            {
                version = line[8..].Trim();
            }
        }
        return name is null || version is null ? null : new InstalledDistribution(site, distInfo, name, version);
    }

    /// <summary>Removes every file in RECORD, then directories it emptied inside the site directory, then the dist-info.</summary>
    public void Remove()
    {
        var record = Path.Combine(DistInfo, "RECORD");
        if (!File.Exists(record))
        {
            throw new UvError($"Cannot uninstall package; `RECORD` file not found at: {record}");
        }
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in RecordFile.ReadPaths(record))
        {
            var path = Path.GetFullPath(Path.Combine(SiteDirectory, relative));
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                FileSystem.DeleteFile(path);
            }
            for (var dir = Path.GetDirectoryName(path); dir is not null && IsInsideSite(dir); dir = Path.GetDirectoryName(dir))
            {
                directories.Add(dir);
            }
            var cache = Path.Combine(Path.GetDirectoryName(path) ?? "", "__pycache__");
            if (Directory.Exists(cache) && IsInsideSite(cache))
            {
                foreach (var compiled in Directory.EnumerateFiles(cache, Path.GetFileNameWithoutExtension(path) + ".*.pyc"))
                {
                    FileSystem.DeleteFile(compiled);
                }
                directories.Add(cache);
            }
        }
        if (Directory.Exists(DistInfo))
        {
            Directory.Delete(DistInfo, recursive: true);
        }
        foreach (var dir in directories.OrderByDescending(d => d.Length))
        {
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
    }

    private bool IsInsideSite(string path) =>
        path.StartsWith(SiteDirectory.TrimEnd('/') + "/", StringComparison.Ordinal);
}
