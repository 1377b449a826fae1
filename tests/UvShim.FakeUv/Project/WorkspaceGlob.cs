using System.Text;
using System.Text.RegularExpressions;

namespace UvShim.FakeUv.Project;

/// <summary>
/// The glob patterns of <c>tool.uv.workspace</c> as uv applies them with the <c>glob</c> crate: <see cref="Expand"/> lists
/// the paths a member pattern names (component by component, sorted, hidden entries included); <see cref="Matches"/> is
/// <c>Pattern::matches_path</c> with the default options, where <c>*</c> also matches <c>/</c>. <c>?</c>, <c>[…]</c>,
/// <c>[!…]</c> and <c>**</c> are supported.
/// </summary>
internal static class WorkspaceGlob
{
    /// <summary>uv's <c>normalize_path</c>: <c>.</c> components dropped, <c>..</c> applied lexically.</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return (path.StartsWith('/') ? "/" : "") + string.Join('/', parts);
    }

    public static bool Matches(string pattern, string path) =>
        Regex.IsMatch(path, "^" + ToRegex(pattern, separatorIsLiteral: false) + "$", RegexOptions.CultureInvariant);

    /// <summary>The existing paths under <paramref name="root"/> that a relative pattern names, in the crate's order.</summary>
    public static IReadOnlyList<string> Expand(string root, string pattern)
    {
        var current = new List<string> { root };
        foreach (var component in Normalize(pattern).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = new List<string>();
            foreach (var directory in current)
            {
                if (component == "**")
                {
                    next.Add(directory);
                    if (Directory.Exists(directory))
                    {
                        next.AddRange(Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                    }
                }
                else if (component.IndexOfAny(['*', '?', '[']) < 0)
                {
                    var candidate = Path.Combine(directory, component);
                    if (Path.Exists(candidate))
                    {
                        next.Add(candidate);
                    }
                }
                else if (Directory.Exists(directory))
                {
                    var regex = new Regex("^" + ToRegex(component, separatorIsLiteral: true) + "$", RegexOptions.CultureInvariant);
                    next.AddRange(Directory.EnumerateFileSystemEntries(directory)
                        .Where(entry => regex.IsMatch(Path.GetFileName(entry)))
                        .Order(StringComparer.Ordinal));
                }
            }
            current = next;
        }
        return current.Distinct().ToList();
    }

    private static string ToRegex(string pattern, bool separatorIsLiteral)
    {
        var any = separatorIsLiteral ? "[^/]" : ".";
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    break;
                case '*':
                    regex.Append(any).Append('*');
                    break;
                case '?':
                    regex.Append(any);
                    break;
                case '[' when pattern.IndexOf(']', i + 1) is var close and > 0:
                    var body = pattern[(i + 1)..close];
                    regex.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.ToString();
    }
}
