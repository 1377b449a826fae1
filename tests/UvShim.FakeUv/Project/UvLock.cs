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

/// <summary>One entry of a package's <c>wheels</c>: <c>{ url|path|filename = "…", hash = "…" }</c>.</summary>
internal sealed record LockWheel(string? Url, string? Path, string? FileName, string? Hash);

/// <summary>A <c>[[package]]</c> of <c>uv.lock</c>.</summary>
internal sealed record LockPackage(
    string Name,
    string? Version,
    LockSource Source,
    IReadOnlyList<LockDependency> Dependencies,
    IReadOnlyDictionary<string, IReadOnlyList<LockDependency>> OptionalDependencies,
    IReadOnlyDictionary<string, IReadOnlyList<LockDependency>> DependencyGroups,
    IReadOnlyList<string> Hashes,
    IReadOnlyList<string> WheelFileNames,
    IReadOnlyList<LockWheel> Wheels)
{
    /// <summary>
    /// The local file of a registry package's first wheel, as uv's <c>WheelWireSource</c> locates it: a <c>url</c>
    /// (<c>file://</c> only, offline), or a <c>path</c> relative to the registry's path, itself relative to the workspace root.
    /// </summary>
    public string? LocalWheelPath(string workspaceRoot)
    {
        foreach (var wheel in Wheels)
        {
            if (wheel.Url is not null && UvPaths.PathOfFileUrl(wheel.Url) is { } fromUrl)
            {
                return fromUrl;
            }
            if (wheel.Path is not null && Source.Kind == "registry")
            {
                var registry = UvPaths.PathOfFileUrl(Source.Value) ?? System.IO.Path.GetFullPath(Source.Value, workspaceRoot);
                return System.IO.Path.GetFullPath(wheel.Path, registry);
            }
        }
        return null;
    }
}

/// <summary>
/// <c>uv.lock</c> (format <c>version = 1</c>), as uv's <c>LockWire</c> reads it: <c>requires-python</c> is required;
/// packages come from <c>[[package]]</c> (alias <c>[[distribution]]</c>); a dependency that leaves out version and
/// source names the only package of that name. Hashes are those of the sdist and the wheels. <c>[manifest] members</c>
/// lists the workspace members (empty for a single project, whose root package is then the one with a
/// <c>virtual</c>/<c>editable</c> source at <c>.</c>).
/// </summary>
internal sealed record UvLock(string RequiresPython, IReadOnlyList<LockPackage> Packages, IReadOnlyList<string> Members)
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
            var members = Toml.Table(document, "manifest") is { } manifest
                ? Toml.Strings(manifest, "members").Select(PackageName.Normalize).ToList()
                : [];
            return new UvLock(requiresPython, packages, members);
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
            wheelFileNames,
            wheels.Select(w => new LockWheel(Toml.String(w, "url"), Toml.String(w, "path"), Toml.String(w, "filename"), Toml.String(w, "hash"))).ToList());
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
