using UvShim.FakeUv.Index;

namespace UvShim.FakeUv.Project;

/// <summary>
/// A package the fake resolved from an index, as uv's lock writes it (crates/uv-resolver/src/lock/mod.rs
/// <c>Source::from_index_url</c>, <c>Wheel::from_registry_wheel</c>): a local index is a <c>registry</c> path, absolute
/// when the index was given as a URL or an absolute path, else relative to the workspace root; its wheel is a
/// <c>path</c>, absolute likewise or relative to the index; the hash is the one the index gives (a
/// <c>--find-links</c> directory gives none).
/// </summary>
internal static class LockedRegistryPackage
{
    public static IReadOnlyList<string> Lines(ResolvedPackage package, string workspaceRoot)
    {
        var index = package.Wheel.Index;
        var givenAbsolute = index.Verbatim.Contains("://", StringComparison.Ordinal) || index.Verbatim.StartsWith('/');
        var registry = givenAbsolute ? index.LocalPath! : Path.GetRelativePath(workspaceRoot, index.LocalPath!);
        var wheel = givenAbsolute ? package.Wheel.Path : Path.GetRelativePath(index.LocalPath!, package.Wheel.Path);
        var lines = new List<string>
        {
            $"name = \"{package.Name}\"",
            $"version = \"{package.Version}\"",
            $"source = {{ registry = \"{registry}\" }}",
        };
        if (package.Dependencies.Count > 0)
        {
            lines.Add("dependencies = [");
            lines.AddRange(package.Dependencies.Order(StringComparer.Ordinal).Select(d => $"    {{ name = \"{d}\" }},"));
            lines.Add("]");
        }
        lines.Add("wheels = [");
        lines.Add(package.Wheel.Hash is { } hash ? $"    {{ path = \"{wheel}\", hash = \"{hash}\" }}," : $"    {{ path = \"{wheel}\" }},");
        lines.Add("]");
        return lines;
    }

    /// <summary>A <c>requires-dist</c> entry: <c>{ name = "x", extras = [...], marker = "...", specifier = "..." }</c>.</summary>
    public static string RequiresDist(NamedRequirement requirement) =>
        "{ name = \"" + requirement.Name + "\""
        + (requirement.Extras.Count > 0 ? ", extras = [" + string.Join(", ", requirement.Extras.Select(e => $"\"{e}\"")) + "]" : "")
        + (requirement.Marker is { } marker ? ", marker = \"" + marker.Replace("\"", "'") + "\"" : "")
        + (requirement.Specifiers.IsEmpty ? "" : ", specifier = \"" + string.Join(",", requirement.Specifiers.Clauses.Select(c => c.Operator + c.Version)) + "\"")
        + " }";

    /// <summary>A <c>dependencies</c> entry of the project's package.</summary>
    public static string Dependency(NamedRequirement requirement) =>
        "{ name = \"" + requirement.Name + "\""
        + (requirement.Extras.Count > 0 ? ", extra = [" + string.Join(", ", requirement.Extras.Select(e => $"\"{e}\"")) + "]" : "")
        + (requirement.Marker is { } marker ? ", marker = \"" + marker.Replace("\"", "'") + "\"" : "")
        + " }";
}
