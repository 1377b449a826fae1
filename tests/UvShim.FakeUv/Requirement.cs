using System.Text.RegularExpressions;

namespace UvShim.FakeUv;

/// <summary>
/// One requirement as uv's pip interface takes it: PEP 508 (<c>name[extras] specifiers ; marker</c> or
/// <c>name @ url</c>), or unnamed: a local path (relative to the working directory) or a URL.
/// Only what the fake needs: the name, where a local wheel is, and the <c>--hash</c> values.
/// </summary>
internal sealed partial record Requirement(string Text, string? Name, string? Url, IReadOnlyList<string> Hashes, bool Editable)
{
    public static Requirement Parse(string text, string workingDirectory, IReadOnlyList<string>? hashes = null, bool editable = false)
    {
        text = text.Trim();
        hashes ??= [];
        if (IsUrl(text))
        {
            return new Requirement(text, null, text, hashes, editable);
        }
        if (LooksLikePath(text))
        {
            return new Requirement(text, null, UvPaths.FileUrl(Path.GetFullPath(Path.Combine(workingDirectory, ExpandHome(text)))), hashes, editable);
        }
        var match = Named().Match(text);
        if (!match.Success)
        {
            throw new UvError($"Failed to parse: `{text}`");
        }
        var name = match.Groups["name"].Value;
        var rest = match.Groups["rest"].Value.Trim();
        if (rest.StartsWith('@'))
        {
            var url = rest[1..].Trim();
            var semicolon = url.IndexOf(" ;", StringComparison.Ordinal);
            url = (semicolon >= 0 ? url[..semicolon] : url).Trim();
            if (!IsUrl(url))
            {
                url = UvPaths.FileUrl(Path.GetFullPath(Path.Combine(workingDirectory, url)));
            }
            return new Requirement(text, PackageName.Normalize(name), url, hashes, editable);
        }
        return new Requirement(text, PackageName.Normalize(name), null, hashes, editable);
    }

    /// <summary>The distribution name at the start of a PEP 508 string, or null.</summary>
    public static string? LeadingName(string text)
    {
        var match = Named().Match(text.Trim());
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>The local file of a <c>file://</c> requirement.</summary>
    public string? LocalPath => Url is null ? null : UvPaths.PathOfFileUrl(Url);

    /// <summary>How uv names the requirement in messages: <c>name @ url</c>, or the URL.</summary>
    public string Display => Name is null ? Url ?? Text : Url is null ? Text : $"{Name} @ {Url}";

    private static bool IsUrl(string text) => UrlScheme().IsMatch(text);

    private static bool LooksLikePath(string text) =>
        text.StartsWith('.') || text.StartsWith('/') || text.StartsWith('~')
        || (!text.Contains(" @ ", StringComparison.Ordinal) && !text.Contains('@')
            && (text.Contains('/') || text.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)
                || text.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)));

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("HOME") is { } home
            ? Path.Combine(home, path[2..])
            : path;

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?<rest>(?:[@;<>=!~(].*)?)$")]
    private static partial Regex Named();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex UrlScheme();
}

/// <summary>
/// A requirements file as uv reads it (the subset the fake needs): comments, blank lines, <c>\</c> continuations,
/// <c>--hash</c> options after a requirement, nested <c>-r</c> (relative to the file), <c>-e</c> lines; other options
/// (<c>-c</c>, index and build options) are accepted and ignored. Requirement paths are relative to the working directory.
/// </summary>
internal static class RequirementsFile
{
    public static IReadOnlyList<Requirement> Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UvError($"File not found: `{path}`");
        }
        var requirements = new List<Requirement>();
        foreach (var line in LogicalLines(File.ReadAllText(full)))
        {
            var tokens = Tokens(line);
            if (tokens.Count == 0)
            {
                continue;
            }
            if (tokens[0] is "-r" or "--requirement" or "--requirements" && tokens.Count > 1)
            {
                requirements.AddRange(Read(Path.Combine(Path.GetDirectoryName(full)!, tokens[1])));
                continue;
            }
            if (tokens[0].StartsWith("-r", StringComparison.Ordinal) && tokens[0].Length > 2 && !tokens[0].StartsWith("--", StringComparison.Ordinal))
            {
                requirements.AddRange(Read(Path.Combine(Path.GetDirectoryName(full)!, tokens[0][2..])));
                continue;
            }
            var editable = tokens[0] is "-e" or "--editable";
            if (editable)
            {
                tokens.RemoveAt(0);
            }
            else if (tokens[0].StartsWith('-'))
            {
                // An option line (-c, index or build options): nothing for the fake to do.
                continue;
            }
            var hashes = new List<string>();
            var parts = new List<string>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].StartsWith("--hash=", StringComparison.Ordinal))
                {
                    hashes.Add(tokens[i]["--hash=".Length..]);
                }
                else if (tokens[i] == "--hash" && i + 1 < tokens.Count)
                {
                    hashes.Add(tokens[++i]);
                }
                else
                {
                    parts.Add(tokens[i]);
                }
            }
            requirements.Add(Requirement.Parse(string.Join(' ', parts), Directory.GetCurrentDirectory(), hashes, editable));
        }
        return requirements;
    }

    /// <summary>Lines with <c>\</c>-continuations joined and comments removed.</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = "";
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = StripComment(raw);
            if (line.TrimEnd().EndsWith('\\'))
            {
                current += line.TrimEnd()[..^1] + " ";
                continue;
            }
            yield return current + line;
            current = "";
        }
        if (current.Length > 0)
        {
            yield return current;
        }
    }

    private static string StripComment(string line)
    {
        if (line.TrimStart().StartsWith('#'))
        {
            return "";
        }
        var index = line.IndexOf(" #", StringComparison.Ordinal);
        var tab = line.IndexOf("\t#", StringComparison.Ordinal);
        if (tab >= 0 && (index < 0 || tab < index))
        {
            index = tab;
        }
        return index >= 0 ? line[..index] : line;
    }

    private static List<string> Tokens(string line) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
}
