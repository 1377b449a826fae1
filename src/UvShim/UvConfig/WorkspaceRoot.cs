using Tomlyn.Model;

namespace UvShim.UvConfig;

/// <summary>
/// uv 0.12.5, crates/uv/src/lib.rs L340–352: when a workspace is discovered, the project-level walk starts at the
/// workspace root, not the working directory, so config files below the root (a <c>uv.toml</c> in a
/// subdirectory, a member's <c>[tool.uv]</c>) are not read. This follows crates/uv-workspace/src/workspace.rs
/// Workspace::discover and find_workspace as far as they pick the root.
/// </summary>
/// <remarks>
/// Not replicated: member enumeration (Workspace::build), whose failures (a member without pyproject.toml,
/// duplicate names, nested workspaces) make uv fall back to the plain walk; schema checks beyond the fields read
/// here; and the "project inside the cache directory" guard.
/// </remarks>
internal static class WorkspaceRoot
{
    /// <summary>
    /// Where uv's walk really starts when the plain walk from <paramref name="start"/> stopped at
    /// <paramref name="stoppedAt"/>; null when that is already right. Parses nothing unless the answer can differ.
    /// </summary>
    public static string? RestartFor(string start, string stoppedAt)
    {
        var project = NearestPyproject(start);
        if (project is null || stoppedAt.Length < project.Length)
            return null;

        // Stopped at the project itself: only an enclosing workspace could move the start, and that needs a
        // pyproject.toml further up.
        var parent = Path.GetDirectoryName(project);
        if (stoppedAt.Length == project.Length && (parent is null || NearestPyproject(parent) is null))
            return null;

        var root = Discover(project);
        return root is not null && root != stoppedAt ? root : null;
    }

    /// <summary>The root of the workspace the project at <paramref name="project"/> belongs to (itself when it has none).</summary>
    public static string Of(string project) => Discover(project) ?? project;

    private static string? Discover(string project)
    {
        var document = ReadPyproject(project);
        if (document is null)
            return null;
        var uv = ToolUv(document);
        if (uv?.TryGetValue("managed", out var managed) == true && managed is false)
            return null;
        if (uv?.ContainsKey("workspace") == true)
            return project;
        if (!document.ContainsKey("project"))
            return null;

        var parent = Path.GetDirectoryName(project);
        var above = parent is null ? null : NearestPyproject(parent);
        if (above is null)
            return project;
        var outer = ReadPyproject(above);
        if (outer is null)
            return null;
        if (ToolUv(outer)?.Value("workspace") is not TomlTable workspace)
            return project;

        var included = Matches(workspace, "members", above, project);
        var excluded = Matches(workspace, "exclude", above, project);
        return included && !excluded ? above : project;
    }

    private static string? NearestPyproject(string start)
    {
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "pyproject.toml")))
                return dir;
        }
        return null;
    }

    /// <summary>The document, or null where uv's workspace parse would fail (discovery then fails and uv falls back).</summary>
    private static TomlTable? ReadPyproject(string dir)
    {
        var path = Path.Combine(dir, "pyproject.toml");
        var text = UvTomlFile.Read(path, out _);
        var document = text is null ? null : UvTomlFile.Parse(text, path, out _);
        return document is not null && IsValid(document) ? document : null;
    }

    private static bool IsValid(TomlTable document)
    {
        if (document.TryGetValue("project", out var project) && !IsValidProject(project))
            return false;
        if (!document.TryGetValue("tool", out var tool))
            return true;
        if (tool is not TomlTable toolTable)
            return false;
        if (!toolTable.TryGetValue("uv", out var uv))
            return true;
        if (uv is not TomlTable uvTable)
            return false;
        if (uvTable.TryGetValue("managed", out var managed) && managed is not bool)
            return false;
        return !uvTable.TryGetValue("workspace", out var workspace) || IsValidWorkspace(workspace);
    }

    // ProjectWire → Project: a name, and a version unless it is declared dynamic.
    private static bool IsValidProject(object project) =>
        project is TomlTable table
        && table.Value("name") is string
        && (table.Value("version") is string
            || (table.Value("dynamic") is TomlArray dynamic && dynamic.Any(item => item is "version")));

    // ToolUvWorkspace: deny_unknown_fields, and every pattern must compile.
    private static bool IsValidWorkspace(object workspace) =>
        workspace is TomlTable table
        && table.Keys.All(key => key is "members" or "exclude")
        && table.Values.All(value => value is TomlArray patterns
            && patterns.All(pattern => pattern is string text && WorkspaceGlob.Compile(Normalize(text)) is not null));

    private static TomlTable? ToolUv(TomlTable document) =>
        (document.Value("tool") as TomlTable)?.Value("uv") as TomlTable;

    /// <summary>
    /// uv joins the (escaped) root and the pattern and matches the project's absolute path; with the root literal,
    /// matching the path below the root against the pattern is the same thing.
    /// </summary>
    private static bool Matches(TomlTable workspace, string key, string root, string project)
    {
        var below = Path.GetRelativePath(root, project);
        return (workspace.Value(key) as TomlArray ?? []).OfType<string>().Any(pattern =>
            WorkspaceGlob.Compile(Normalize(pattern))?.Matches(Path.IsPathRooted(pattern) ? project : below) == true);
    }

    /// <summary>uv-fs normalize_path on the pattern: drop <c>.</c>, fold <c>..</c>.</summary>
    private static string Normalize(string pattern)
    {
        if (OperatingSystem.IsWindows())
            pattern = pattern.Replace('\\', '/');
        var rooted = pattern.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in pattern.Split('/'))
        {
            if (part is "." or "")
                continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else
                parts.Add(part);
        }
        return (rooted ? "/" : "") + string.Join('/', parts);
    }
}
