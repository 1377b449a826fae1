using System.Text.Json;

namespace UvShim.Tests.Integration;

/// <summary>
/// uv's output formats for <c>pip list</c>, <c>pip freeze</c> and <c>pip show</c>, built and parsed the way uv writes
/// them (crates/uv/src/commands/pip/list.rs, freeze.rs, show.rs).
/// </summary>
internal static class PipOutput
{
    /// <summary>
    /// <c>uv pip list</c> in the default <c>columns</c> format: a "Package"/"Version" header, a row of dashes, one row per
    /// package; each column as wide as its widest cell; cells joined by one space; trailing spaces trimmed. Nothing for
    /// no packages. <paramref name="packages"/> must already be in uv's order (by name).
    /// </summary>
    public static string Columns(params (string Name, string Version)[] packages)
    {
        if (packages.Length == 0)
        {
            return "";
        }
        var nameWidth = Math.Max("Package".Length, packages.Max(p => p.Name.Length));
        var versionWidth = Math.Max("Version".Length, packages.Max(p => p.Version.Length));
        var lines = new List<string>
        {
            ("Package".PadRight(nameWidth) + " " + "Version".PadRight(versionWidth)).TrimEnd(),
            new string('-', nameWidth) + " " + new string('-', versionWidth),
        };
        lines.AddRange(packages.Select(p => (p.Name.PadRight(nameWidth) + " " + p.Version.PadRight(versionWidth)).TrimEnd()));
        return string.Concat(lines.Select(l => l + "\n"));
    }

    /// <summary><c>--format json</c>: one array of <c>{"name", "version"}</c> objects; returned as pairs, in order.</summary>
    public static IReadOnlyList<(string Name, string Version)> Json(string stdout)
    {
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("version").GetString()!))
            .ToList();
    }

    /// <summary>
    /// <c>uv pip freeze</c> lines as name and version: <c>name==version</c>, or <c>name @ file:///…/name-version-….whl</c>
    /// (what uv writes for a wheel installed from a local path: it records a direct URL), version from the wheel file name.
    /// </summary>
    public static IReadOnlyList<(string Name, string Version)> Freeze(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ParseFreezeLine).ToList();

    private static (string Name, string Version) ParseFreezeLine(string line)
    {
        var pinned = line.IndexOf("==", StringComparison.Ordinal);
        if (pinned > 0)
        {
            return (line[..pinned], line[(pinned + 2)..]);
        }
        var at = line.IndexOf(" @ ", StringComparison.Ordinal);
        if (at > 0)
        {
            var fileName = line[(at + 3)..].Split('#')[0].Split('/')[^1];
            return (line[..at], fileName.Split('-') is { Length: >= 2 } parts ? parts[1] : "");
        }
        throw new Xunit.Sdk.XunitException($"not a pip freeze line: `{line}`");
    }

    /// <summary><c>uv pip show</c>: blocks separated by <c>---</c>, each a map of <c>Key: value</c> lines (<c>Files:</c> entries under "Files").</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Show(string stdout)
    {
        var blocks = new List<IReadOnlyDictionary<string, string>>();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            if (line == "---")
            {
                blocks.Add(current);
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            if (line.StartsWith("  ", StringComparison.Ordinal) && current.ContainsKey("Files"))
            {
                current["Files"] += (current["Files"].Length == 0 ? "" : "\n") + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                current[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }
        if (current.Count > 0)
        {
            blocks.Add(current);
        }
        return blocks;
    }
}
