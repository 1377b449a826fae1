using Tomlyn;
using Tomlyn.Model;

namespace UvShim.FakeUv.Project;

/// <summary>A workspace member: its normalized name, its directory and its <c>pyproject.toml</c>.</summary>
internal sealed record WorkspaceMember(string Name, string Root, TomlTable Pyproject)
{
    public string PyprojectPath => Path.Combine(Root, "pyproject.toml");
}

/// <summary>
/// The workspace a project command acts on, discovered as uv's <c>VirtualProject::discover</c> does
/// (crates/uv-workspace/src/workspace.rs): from the project directory (<c>--project</c>, else the working directory after
/// <c>--directory</c>) the nearest <c>pyproject.toml</c>. With a <c>[project]</c> table it is the current project, and the
/// workspace root is that directory if it has <c>[tool.uv.workspace]</c>, else the first <c>pyproject.toml</c> above it
/// when that one has <c>[tool.uv.workspace]</c> whose <c>members</c> include the project and whose <c>exclude</c> does not
/// (a <c>pyproject.toml</c> above with only <c>[project]</c> ends the search), else the project alone. Without
/// <c>[project]</c> it is a non-project workspace root. Members: the root's project, then every directory the
/// <c>members</c> globs name (relative to the root, <c>exclude</c> matched against the relative path), each needing a
/// <c>pyproject.toml</c> with <c>[project]</c>. <c>--package</c> selects a member (<c>discover_with_package</c>).
/// <c>uv.lock</c> sits at the root, and a relative <c>UV_PROJECT_ENVIRONMENT</c> is resolved against it
/// (<c>environment_selection</c>).
/// </summary>
internal sealed record ProjectWorkspace(
    string Root,
    TomlTable RootPyproject,
    IReadOnlyDictionary<string, WorkspaceMember> Members,
    string? CurrentName)
{
    public string LockPath => Path.Combine(Root, "uv.lock");

    public WorkspaceMember? Current => CurrentName is null ? null : Members[CurrentName];

    /// <summary>The project's name; a non-project root has none.</summary>
    public string Name => CurrentName ?? throw new UvError("the fake uv needs a project here, not a non-project workspace root");

    /// <summary>The <c>pyproject.toml</c> a project command reads its defaults from: the current member's, else the root's.</summary>
    public TomlTable Pyproject => Current?.Pyproject ?? RootPyproject;

    /// <summary><c>tool.uv.default-groups</c> (normalized), or null for uv's default (<c>dev</c>).</summary>
    public IReadOnlyList<string>? DefaultGroups =>
        Toml.Table(Pyproject, "tool", "uv") is { } uv && uv.ContainsKey("default-groups")
            ? Toml.Strings(uv, "default-groups").Select(PackageName.Normalize).ToList()
            : null;

    /// <summary>uv's <c>environment_selection</c>: <c>UV_PROJECT_ENVIRONMENT</c> (relative to the root), else <c>.venv</c>.</summary>
    public string EnvironmentRoot =>
        Environment.GetEnvironmentVariable("UV_PROJECT_ENVIRONMENT") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, Root)
            : Path.Combine(Root, ".venv");

    public static string ProjectDirectory(UvCommandLine line)
    {
        if (line.Value("project") is not { } given)
        {
            return Directory.GetCurrentDirectory();
        }
        var path = Path.GetFullPath(given);
        if (Path.GetFileName(path) == "pyproject.toml" && File.Exists(path))
        {
            return Path.GetDirectoryName(path)!;
        }
        if (!Directory.Exists(path))
        {
            throw new UvError(File.Exists(path) ? $"Project path `{given}` is not a directory" : $"Project directory `{given}` does not exist");
        }
        return path;
    }

    /// <summary>The workspace, with <c>--package</c> (one value) as the current project.</summary>
    public static ProjectWorkspace Discover(UvCommandLine line)
    {
        var start = ProjectDirectory(line);
        var packages = line.Values("package").Select(PackageName.Normalize).ToList();
        var workspace = Discover(start, tolerant: false)!;
        if (packages is [var package])
        {
            if (!workspace.Members.ContainsKey(package))
            {
                throw new UvError($"The workspace does not have a member {package}: {workspace.Root}");
            }
            return workspace with { CurrentName = package };
        }
        foreach (var name in packages.Where(p => !workspace.Members.ContainsKey(p)))
        {
            throw new UvError($"Package `{name}` not found in workspace");
        }
        return workspace;
    }

    /// <summary>The workspace, or null where <c>uv run</c> goes on without a project: uv's <c>MissingPyprojectToml</c> and
    /// <c>NonWorkspace</c> (no <c>pyproject.toml</c>, an unmanaged project).</summary>
    public static ProjectWorkspace? TryDiscover(UvCommandLine line) =>
        line.Values("package").Any() ? Discover(line) : Discover(ProjectDirectory(line), tolerant: true);

    private static ProjectWorkspace? Discover(string start, bool tolerant)
    {
        var projectRoot = Ancestors(start).FirstOrDefault(d => File.Exists(Path.Combine(d, "pyproject.toml")));
        if (projectRoot is null)
        {
            return tolerant ? null : throw new UvError("No `pyproject.toml` found in current directory or any parent directory");
        }
        var pyproject = Read(Path.Combine(projectRoot, "pyproject.toml"));
        if (Toml.Table(pyproject, "project") is null)
        {
            return Build(projectRoot, pyproject, WorkspaceDefinition(pyproject), current: null);
        }
        if (Toml.Table(pyproject, "tool", "uv") is { } uv && Toml.Bool(uv, "managed") == false)
        {
            return tolerant ? null : throw new UvError($"The project is marked as unmanaged: {projectRoot}");
        }
        var current = Member(projectRoot, pyproject);
        if (WorkspaceDefinition(pyproject) is { } own)
        {
            return Build(projectRoot, pyproject, own, current);
        }
        if (FindWorkspaceAbove(projectRoot) is { } above)
        {
            return Build(above.Root, above.Pyproject, above.Definition, current);
        }
        return new ProjectWorkspace(projectRoot, pyproject, new Dictionary<string, WorkspaceMember> { [current.Name] = current }, current.Name);
    }

    private static (string Root, TomlTable Pyproject, TomlTable Definition)? FindWorkspaceAbove(string projectRoot)
    {
        foreach (var directory in Ancestors(projectRoot).Skip(1))
        {
            var path = Path.Combine(directory, "pyproject.toml");
            if (!File.Exists(path))
            {
                continue;
            }
            var pyproject = Read(path);
            if (WorkspaceDefinition(pyproject) is { } definition)
            {
                var included = Toml.Strings(definition, "members").Any(g => WorkspaceGlob.Matches(AbsoluteGlob(directory, g), projectRoot));
                return included && !IsExcluded(directory, definition, projectRoot) ? (directory, pyproject, definition) : null;
            }
            return null;
        }
        return null;
    }

    private static ProjectWorkspace Build(string root, TomlTable rootPyproject, TomlTable? definition, WorkspaceMember? current)
    {
        var members = new SortedDictionary<string, WorkspaceMember>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (Toml.Table(rootPyproject, "project") is not null)
        {
            var rootMember = Member(root, rootPyproject);
            members[rootMember.Name] = rootMember;
            seen.Add(root);
        }
        foreach (var glob in definition is null ? [] : Toml.Strings(definition, "members"))
        {
            foreach (var memberRoot in WorkspaceGlob.Expand(root, glob))
            {
                if (!seen.Add(memberRoot) || IsExcluded(root, definition!, memberRoot))
                {
                    continue;
                }
                var path = Path.Combine(memberRoot, "pyproject.toml");
                if (!File.Exists(path))
                {
                    if (!Directory.Exists(memberRoot) || Path.GetFileName(memberRoot).StartsWith('.'))
                    {
                        continue;
                    }
                    throw new UvError($"Workspace member `{memberRoot}` is missing a `pyproject.toml` (matches: `{glob}`)");
                }
                var pyproject = Read(path);
                if (Toml.Table(pyproject, "tool", "uv") is { } uv && Toml.Bool(uv, "managed") == false)
                {
                    continue;
                }
                var member = Member(memberRoot, pyproject);
                if (members.TryGetValue(member.Name, out var existing))
                {
                    throw new UvError($"Two workspace members are both named `{member.Name}`: `{existing.Root}` and `{memberRoot}`");
                }
                if (WorkspaceDefinition(pyproject) is not null)
                {
                    throw new UvError($"Nested workspaces are not supported, but workspace member has a `tool.uv.workspace` table: {memberRoot}");
                }
                members[member.Name] = member;
            }
        }
        if (current is not null)
        {
            members.TryAdd(current.Name, current);
        }
        return new ProjectWorkspace(root, rootPyproject, members, current?.Name);
    }

    private static bool IsExcluded(string root, TomlTable definition, string projectPath)
    {
        var relative = Path.GetRelativePath(root, projectPath);
        return Toml.Strings(definition, "exclude").Any(pattern =>
            pattern.StartsWith('/') ? WorkspaceGlob.Matches(pattern, projectPath) : !relative.StartsWith("..", StringComparison.Ordinal) && WorkspaceGlob.Matches(WorkspaceGlob.Normalize(pattern), relative));
    }

    private static string AbsoluteGlob(string root, string glob) => root.TrimEnd('/') + "/" + WorkspaceGlob.Normalize(glob);

    private static TomlTable? WorkspaceDefinition(TomlTable pyproject) => Toml.Table(pyproject, "tool", "uv", "workspace");

    private static WorkspaceMember Member(string root, TomlTable pyproject)
    {
        var path = Path.Combine(root, "pyproject.toml");
        if (Toml.Table(pyproject, "project") is not { } project || Toml.String(project, "name") is not { } name)
        {
            throw new UvError($"No `project` table found in: {path}");
        }
        return new WorkspaceMember(PackageName.Normalize(name), root, pyproject);
    }

    public static TomlTable Read(string path)
    {
        try
        {
            return Toml.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is TomlException or InvalidDataException)
        {
            throw new UvError($"Failed to parse: `{UvPaths.UserDisplay(path)}`", [e.Message]);
        }
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var directory = WorkspaceGlob.Normalize(Path.GetFullPath(start)); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            yield return directory;
        }
    }

    /// <summary>The lock, or uv's error when <c>--frozen</c>/<c>--locked</c> finds none. Without those flags the fake
    /// cannot lock, and says so (knowingly different: uv would resolve and write <c>uv.lock</c>).</summary>
    public UvLock ReadLock(UvCommandLine line)
    {
        if (!File.Exists(LockPath))
        {
            var flag = line.Has("frozen") || Boolish.Env("UV_FROZEN") ? "`--frozen`" : line.Has("locked") || Boolish.Env("UV_LOCKED") ? "`--locked`" : null;
            throw flag is null
                ? new UvError("the fake uv cannot resolve a project offline: it needs an existing `uv.lock`")
                : new UvError($"Unable to find lockfile at `{UvPaths.UserDisplay(LockPath)}`, but {flag} was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.");
        }
        return UvLock.Read(LockPath);
    }
}
