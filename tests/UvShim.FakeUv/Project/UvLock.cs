using Tomlyn;
using Tomlyn.Model;

namespace UvShim.FakeUv.Project;

/// <summary>Where a locked package comes from: <c>source = { registry|virtual|editable|directory|path|url|git = "…" }</c>.</summary>
internal sealed record LockSource(string Kind, string Value, string? Subdirectory)
{
    public bool IsLocal => Kind is "path" or "directory" or "editable" or "virtual";
}

/// <summary>One dependency edge: <c>{ name = "x", version = "…", source = {…}, extra = ["…"], marker = "…" }</c>.</summary>
internal sealed record LockDependency(string Name, string? Version, IReadOnlyList<string> Extras, string? Marker);

/// <summary>A <c>[[package]]</c> of <c>uv.lock</c>.</summary>
internal sealed record LockPackage(
    string Name,
    string? Version,
    LockSource Source,
    IReadOnlyList<LockDependency> Dependencies,
    IReadOnlyDictionary<string, IReadOnlyList<LockDependency>> OptionalDependencies,
    IReadOnlyDictionary<string, IReadOnlyList<LockDependency>> DependencyGroups,
    IReadOnlyList<string> Hashes,
    IReadOnlyList<string> WheelFileNames);

/// <summary>
/// <c>uv.lock</c> (format <c>version = 1</c>), as uv's <c>LockWire</c> reads it: <c>requires-python</c> is required;
/// packages come from <c>[[package]]</c> (alias <c>[[distribution]]</c>); a dependency that leaves out version and
/// source names the only package of that name. Hashes are those of the sdist and the wheels.
/// </summary>
internal sealed record UvLock(string RequiresPython, IReadOnlyList<LockPackage> Packages)
{
    public static UvLock Read(string path)
    {
        try
        {
            var document = Toml.Parse(File.ReadAllText(path));
            if (!document.TryGetValue("version", out var version) || version is not long number)
            {
                throw new InvalidDataException("missing field `version`");
            }
            if (number != 1)
            {
                throw new UvError($"Not a valid lockfile: unsupported lockfile version {number}");
            }
            var requiresPython = Toml.String(document, "requires-python") ?? throw new InvalidDataException("missing field `requires-python`");
            var packages = Toml.Tables(document, "package").Concat(Toml.Tables(document, "distribution")).Select(ReadPackage).ToList();
            return new UvLock(requiresPython, packages);
        }
        catch (Exception e) when (e is TomlException or InvalidDataException)
        {
            throw new UvError($"Failed to parse `{UvPaths.UserDisplay(path)}`", [e.Message]);
        }
    }

    public LockPackage Find(string name, string? version = null)
    {
        var candidates = Packages.Where(p => p.Name == name && (version is null || p.Version == version)).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new UvError($"Failed to parse `uv.lock`", [$"package `{name}` is not in the lockfile"]),
            _ => throw new UvError($"Failed to parse `uv.lock`", [$"found more than one package named `{name}`; the fake uv needs unambiguous names"]),
        };
    }

    private static LockPackage ReadPackage(TomlTable table)
    {
        var name = PackageName.Normalize(Toml.String(table, "name") ?? throw new InvalidDataException("missing field `name`"));
        var source = table.TryGetValue("source", out var s) && s is TomlTable sourceTable
            ? ReadSource(sourceTable)
            : throw new InvalidDataException($"missing field `source` for package `{name}`");
        var hashes = new List<string>();
        if (table.TryGetValue("sdist", out var sdist) && sdist is TomlTable sdistTable && Toml.String(sdistTable, "hash") is { } sdistHash)
        {
            hashes.Add(sdistHash);
        }
        var wheels = Toml.Tables(table, "wheels");
        hashes.AddRange(wheels.Select(w => Toml.String(w, "hash")).OfType<string>());
        var wheelFileNames = wheels
            .Select(w => Toml.String(w, "filename") ?? (Toml.String(w, "url") ?? Toml.String(w, "path"))?.Split('/')[^1])
            .OfType<string>()
            .ToList();
        return new LockPackage(
            name,
            Toml.String(table, "version"),
            source,
            Toml.Tables(table, "dependencies").Select(ReadDependency).ToList(),
            ReadGroups(Toml.Table(table, "optional-dependencies")),
            ReadGroups(Toml.Table(table, "dev-dependencies")),
            hashes,
            wheelFileNames);
    }

    private static LockSource ReadSource(TomlTable table)
    {
        foreach (var kind in new[] { "registry", "virtual", "editable", "directory", "path", "url", "git" })
        {
            if (Toml.String(table, kind) is { } value)
            {
                return new LockSource(kind, value, Toml.String(table, "subdirectory"));
            }
        }
        throw new InvalidDataException("unknown package source");
    }

    private static LockDependency ReadDependency(TomlTable table) =>
        new(
            PackageName.Normalize(Toml.String(table, "name") ?? throw new InvalidDataException("missing field `name` in a dependency")),
            Toml.String(table, "version"),
            Toml.Strings(table, "extra").Select(PackageName.Normalize).ToList(),
            Toml.String(table, "marker"));

    private static Dictionary<string, IReadOnlyList<LockDependency>> ReadGroups(TomlTable? table) =>
        table is null
            ? []
            : table.Keys.ToDictionary(
                key => PackageName.Normalize(key),
                key => (IReadOnlyList<LockDependency>)Toml.Tables(table, key).Select(ReadDependency).ToList(),
                StringComparer.Ordinal);
}
