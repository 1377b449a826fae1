namespace UvShim.FakeUv;

/// <summary>
/// A <c>*.dist-info</c> directory in a site directory. Like uv (<c>InstalledDist::try_from_path</c>), name and version
/// come from the directory name (split at the first <c>-</c>, name normalized); a <c>direct_url.json</c> makes it a
/// URL distribution (shown as <c>name @ url</c> by freeze, <c>==version (from url)</c> by uninstall).
/// </summary>
internal sealed record InstalledDistribution(string SiteDirectory, string DistInfo, string Name, string Version, DirectUrl? Url)
{
    public bool IsEditable => Url is { Editable: true };

    /// <summary>The project directory of an editable install (pip list's "Editable project location").</summary>
    public string? EditableProjectLocation => IsEditable ? Url!.LocalPath : null;

    /// <summary>uv's <c>InstalledVersion</c> display: <c>==1.0</c>, or <c>==1.0 (from file:///…)</c>.</summary>
    public string InstalledVersion => Url is null ? $"=={Version}" : $"=={Version} (from {Url.Display})";

    /// <summary><c>name==1.0</c> or <c>name==1.0 (from …)</c>, as uv names a distribution in messages.</summary>
    public string Display => Name + InstalledVersion;

    /// <summary>One line of <c>uv pip freeze</c>.</summary>
    public string FreezeLine =>
        Url switch
        {
            null => $"{Name}=={Version}",
            { Editable: true } => $"-e {Url.Display}",
            _ => $"{Name} @ {Url.Display}",
        };

    public string NormalizedName => Name;

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
                var stem = Path.GetFileName(distInfo)[..^".dist-info".Length];
                var dash = stem.IndexOf('-');
                if (dash <= 0 || dash == stem.Length - 1)
                {
                    continue;
                }
                yield return new InstalledDistribution(
                    site, distInfo, PackageName.Normalize(stem[..dash]), stem[(dash + 1)..], DirectUrl.Read(distInfo));
            }
        }
    }

    public static InstalledDistribution? Find(IEnumerable<string> siteDirectories, string name) =>
        Scan(siteDirectories).FirstOrDefault(d => d.Name == PackageName.Normalize(name));

    /// <summary>uv's sort for list and freeze: by name, then by version.</summary>
    public static int CompareByNameThenVersion(InstalledDistribution a, InstalledDistribution b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : PackageVersion.Compare(a.Version, b.Version);
    }

    /// <summary>The names in METADATA's <c>Requires-Dist</c> whose markers hold here; requirements behind an <c>extra</c> are left out.</summary>
    public IReadOnlyList<string>? RequiresDist()
    {
        var metadata = Path.Combine(DistInfo, "METADATA");
        if (!File.Exists(metadata))
        {
            return null;
        }
        var names = new List<string>();
        foreach (var line in File.ReadLines(metadata))
        {
            if (line.Length == 0)
            {
                break;
            }
            if (!line.StartsWith("Requires-Dist:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var requirement = line["Requires-Dist:".Length..].Trim();
            var semicolon = requirement.IndexOf(';');
            if (semicolon >= 0 && requirement[(semicolon + 1)..].Contains("extra", StringComparison.Ordinal))
            {
                continue;
            }
            if (Requirement.LeadingName(requirement) is { } name)
            {
                names.Add(PackageName.Normalize(name));
            }
        }
        return names;
    }

    /// <summary>
    /// Removes the distribution as uv's <c>uninstall_wheel</c> does: every RECORD entry (relative to the site directory)
    /// that lies inside one of the layout's scheme directories (others are skipped with uv's warning); then, for each
    /// directory a file was removed from inside the site directory, its <c>__pycache__</c> and every directory left empty,
    /// up to the site directory.
    /// </summary>
    public void Remove(InstallScheme layout)
    {
        var record = Path.Combine(DistInfo, "RECORD");
        if (!File.Exists(record))
        {
            throw new UvError($"Cannot uninstall package; `RECORD` file not found at: {record}");
        }
        var site = SiteDirectory.TrimEnd('/');
        var warned = false;
        var visited = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var relative in RecordFile.ReadPaths(record))
        {
            var path = Path.GetFullPath(Path.Combine(site, relative));
            if (!layout.Contains(path))
            {
                if (!warned)
                {
                    Console.Error.WriteLine($"warning: Invalid RECORD entry in {Display} that escapes the Python environment, skipping: {relative}");
                    warned = true;
                }
                continue;
            }
            if (FileSystem.RemoveFileOrTree(path) && Path.GetDirectoryName(path) is { } parent)
            {
                visited.Add(parent);
            }
        }
        foreach (var start in visited.Reverse())
        {
            if (!IsInside(start, site))
            {
                continue;
            }
            for (var directory = start; directory is not null && directory != site; directory = Path.GetDirectoryName(directory))
            {
                FileSystem.RemoveTree(Path.Combine(directory, "__pycache__"));
                if (!Directory.Exists(directory))
                {
                    break;
                }
                if (Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    break;
                }
                FileSystem.RemoveEmptyDirectory(directory);
            }
        }
    }

    private static bool IsInside(string path, string directory) =>
        path.StartsWith(directory + "/", StringComparison.Ordinal);
}
