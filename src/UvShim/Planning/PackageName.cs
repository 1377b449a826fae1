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
    public static List<string> InRequirementsFile(string path) =>
        RequirementsIn(path).Select(OfRequirement).OfType<string>().ToList();

    /// <summary>The requirements of a requirements file's lines, without options, comments and trailing options.</summary>
    public static List<string> RequirementsIn(string path)
    {
        var requirements = new List<string>();
        foreach (var rawLine in File.ReadAllLines(path))
        {
            var line = rawLine.Split(" #")[0].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('-'))
                continue;
            // An option after the requirement (--hash=…) is not part of it.
            var option = line.IndexOf(" -", StringComparison.Ordinal);
            requirements.Add(option < 0 ? line : line[..option].Trim());
        }
        return requirements;
    }

    /// <summary>A name with extras or a marker at most (<c>foo</c>, <c>Foo[x] ; python_version&gt;'3'</c>): every version satisfies it.</summary>
    public static bool IsBare(string requirement) => Bare().IsMatch(requirement);

    /// <summary>
    /// The normalized name a requirement names (<c>Foo[x]&gt;=1 ; python_version&gt;'3'</c> is <c>foo</c>), or null for
    /// what is no PEP 508 requirement (a path or URL, which only uv can name). uv 0.12.5 crates/uv-pep508/src/lib.rs
    /// parse_pep508_requirement: whitespace, the name, whitespace, extras, whitespace, then <c>@ ( &lt; = &gt; ~ ! ;</c>
    /// or the end.
    /// </summary>
    public static string? OfRequirement(string requirement)
    {
        var match = Requirement().Match(requirement);
        return match.Success ? Normalize(match.Groups["name"].Value) : null;
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*(\[[^\]]*\]\s*)?(;.*)?$")]
    private static partial Regex Bare();

    // parse_name: ^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$ (IGNORECASE); its run of name characters may not end in [._-].
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?![A-Za-z0-9._-])\s*(\[[^\]]*\]\s*)?([@(<=>~!;]|$)")]
    private static partial Regex Requirement();
}
