using System.Text.RegularExpressions;

namespace UvShim.FakeUv.Index;

/// <summary>
/// A PEP 508 requirement by name (<c>name[extras] specifiers ; marker</c>), as a registry resolves it, with the
/// <c>--hash</c> values a requirements file gave it. Markers are kept as text, never evaluated.
/// </summary>
internal sealed partial record NamedRequirement(
    string Name,
    IReadOnlyList<string> Extras,
    VersionSpecifiers Specifiers,
    string? Marker,
    IReadOnlyList<string> Hashes)
{
    /// <summary>The requirement, or null when the text names a URL or a path instead.</summary>
    public static NamedRequirement? TryParse(string text, IReadOnlyList<string>? hashes = null)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }
        var extras = match.Groups["extras"].Success
            ? match.Groups["extras"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PackageName.Normalize).ToList()
            : [];
        var specifiers = match.Groups["specifiers"].Value.Trim().Trim('(', ')').Trim();
        var marker = match.Groups["marker"].Success ? match.Groups["marker"].Value.Trim() : null;
        return new NamedRequirement(
            PackageName.Normalize(match.Groups["name"].Value),
            extras,
            specifiers.Length == 0 ? VersionSpecifiers.Any : VersionSpecifiers.Parse(specifiers),
            string.IsNullOrEmpty(marker) ? null : marker,
            hashes ?? []);
    }

    /// <summary>True when the marker mentions an extra: such a requirement only counts when that extra is asked for.</summary>
    public bool IsBehindExtra => Marker is not null && Marker.Contains("extra", StringComparison.Ordinal);

    /// <summary>How uv's resolver names the requirement in its reports: <c>name</c> or <c>name&gt;=1.0</c>.</summary>
    public string Display => Specifiers.IsEmpty ? Name : Name + Specifiers;

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?<extras>[^\]]*)\])?\s*(?<specifiers>[(<>=!~][^;]*)?\s*(?:;(?<marker>.*))?$")]
    private static partial Regex Pattern();
}
