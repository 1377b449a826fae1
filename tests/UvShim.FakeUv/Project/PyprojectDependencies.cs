using System.Text;
using System.Text.RegularExpressions;
using UvShim.FakeUv.Index;

namespace UvShim.FakeUv.Project;

/// <summary>
/// <c>[project].dependencies</c> of a <c>pyproject.toml</c>, edited in its text as uv's <c>PyProjectTomlMut</c> does
/// (crates/uv-workspace/src/pyproject_mut.rs): a missing array is added at the end of <c>[project]</c>; a new requirement
/// goes where it keeps a sorted list sorted (case-insensitively by name, then case-sensitively, then as plain text),
/// else at the end; an existing one of the same name and marker is updated (its specifier replaced when the new one has
/// one, extras merged); removal drops every entry of the name. After each change the array is written as
/// <c>reformat_array_multiline</c> does: one entry a line, indented like the first entry (four spaces by default), a
/// trailing comma, <c>[]</c> when empty. Knowingly different: comments inside the array are not kept.
/// </summary>
internal sealed partial class PyprojectDependencies
{
    private string _text;

    private PyprojectDependencies(string text) => _text = text;

    public static PyprojectDependencies Read(string path) => new(File.ReadAllText(path));

    public string Text => _text;

    public IReadOnlyList<string> Entries => Locate().Entries;

    /// <summary>Adds or updates a requirement; the index of an added entry, or null when an existing one was updated.</summary>
    public int? Add(NamedRequirement requirement, string text)
    {
        var array = Locate();
        var entries = array.Entries.ToList();
        var matches = entries
            .Select((entry, index) => (entry, index, parsed: NamedRequirement.TryParse(entry)))
            .Where(e => e.parsed is { } p && p.Name == requirement.Name && p.Marker == requirement.Marker)
            .ToList();
        switch (matches.Count)
        {
            case 0:
                var index = InsertionIndex(entries, text);
                entries.Insert(index, text);
                Write(array, entries);
                return index;
            case 1:
                var (_, at, parsed) = matches[0];
                entries[at] = Updated(parsed!, requirement);
                Write(array, entries);
                return null;
            default:
                throw new UvError($"Cannot perform ambiguous update; found multiple entries for `{requirement.Name}`:\n{string.Join('\n', matches.Select(m => "- " + m.entry))}");
        }
    }

    /// <summary>Replaces the entry at <paramref name="index"/> (uv's <c>set_dependency_bound</c>).</summary>
    public void Set(int index, string text)
    {
        var array = Locate();
        var entries = array.Entries.ToList();
        entries[index] = text;
        Write(array, entries);
    }

    /// <summary>Removes every entry naming the package; how many there were.</summary>
    public int Remove(string name)
    {
        var array = Locate();
        if (!array.Exists)
        {
            return 0;
        }
        var entries = array.Entries.ToList();
        var removed = entries.RemoveAll(e => NamedRequirement.TryParse(e)?.Name == name || LeadingName(e) == name);
        if (removed > 0)
        {
            Write(array, entries);
        }
        return removed;
    }

    /// <summary>uv's <c>update_requirement</c>: extras merged, the specifier replaced when the new one has one.</summary>
    private static string Updated(NamedRequirement parsed, NamedRequirement requirement)
    {
        var extras = parsed.Extras.Concat(requirement.Extras).Distinct().Order(StringComparer.Ordinal).ToList();
        var specifiers = requirement.Specifiers.IsEmpty ? parsed.Specifiers : requirement.Specifiers;
        return Format(parsed.Name, extras, specifiers, requirement.Marker ?? parsed.Marker);
    }

    public static string Format(string name, IReadOnlyList<string> extras, VersionSpecifiers specifiers, string? marker) =>
        name
        + (extras.Count > 0 ? "[" + string.Join(",", extras) + "]" : "")
        + (specifiers.IsEmpty ? "" : specifiers.ToString())
        + (marker is null ? "" : " ; " + marker);

    private static string? LeadingName(string requirement) => Requirement.LeadingName(requirement) is { } name ? PackageName.Normalize(name) : null;

    /// <summary>The position that keeps a sorted list sorted (uv's four sort checks), else the end.</summary>
    private static int InsertionIndex(List<string> entries, string text)
    {
        static (string Name, string Specifiers) Split(string requirement)
        {
            var position = requirement.IndexOfAny(['>', '<', '=', '~', '!', '@']);
            return position < 0 ? (requirement.Trim(), "") : (requirement[..position].Trim(), requirement[position..].Trim());
        }
        static int CompareSplit((string, string) a, (string, string) b)
        {
            var byName = string.CompareOrdinal(a.Item1, b.Item1);
            return byName != 0 ? byName : string.CompareOrdinal(a.Item2, b.Item2);
        }
        static bool IsSorted<T>(IReadOnlyList<T> items, Comparison<T> compare) =>
            items.Zip(items.Skip(1)).All(pair => compare(pair.First, pair.Second) <= 0);

        var lower = entries.Select(e => e.ToLowerInvariant()).ToList();
        int? index;
        if (IsSorted(lower.Select(Split).ToList(), CompareSplit))
        {
            var key = Split(text.ToLowerInvariant());
            index = lower.FindIndex(e => CompareSplit(Split(e), key) > 0);
        }
        else if (IsSorted(entries.Select(Split).ToList(), CompareSplit))
        {
            var key = Split(text);
            index = entries.FindIndex(e => CompareSplit(Split(e), key) > 0);
        }
        else if (IsSorted(lower, string.CompareOrdinal))
        {
            index = lower.FindIndex(e => string.CompareOrdinal(e, text.ToLowerInvariant()) > 0);
        }
        else if (IsSorted(entries, string.CompareOrdinal))
        {
            index = entries.FindIndex(e => string.CompareOrdinal(e, text) > 0);
        }
        else
        {
            index = -1;
        }
        return index is null or < 0 ? entries.Count : index.Value;
    }

    private sealed record ArraySpan(bool Exists, int Start, int End, IReadOnlyList<string> Entries, string Indentation, int InsertAt);

    private ArraySpan Locate()
    {
        var header = ProjectHeader().Match(_text);
        if (!header.Success)
        {
            throw new UvError("Project is missing a `[project]` table; add a `[project]` table to use production dependencies, or run `uv add --dev` instead");
        }
        var bodyStart = header.Index + header.Length;
        var next = NextHeader().Match(_text, bodyStart);
        var bodyEnd = next.Success ? next.Index : _text.Length;
        var key = DependenciesKey().Match(_text[..bodyEnd], bodyStart);
        if (!key.Success)
        {
            var body = _text[bodyStart..bodyEnd];
            var insertAt = bodyStart + body.TrimEnd().Length;
            return new ArraySpan(false, insertAt, insertAt, [], "    ", insertAt);
        }
        var open = key.Index + key.Length - 1;
        var entries = new List<string>();
        string? indentation = null;
        var i = open + 1;
        while (i < _text.Length && _text[i] != ']')
        {
            var c = _text[i];
            if (c == '#')
            {
                while (i < _text.Length && _text[i] != '\n')
                {
                    i++;
                }
                continue;
            }
            if (c is '"' or '\'')
            {
                if (indentation is null)
                {
                    var lineStart = _text.LastIndexOf('\n', i) + 1;
                    var leading = _text[lineStart..i];
                    indentation = lineStart > open && leading.Trim().Length == 0 ? leading : "";
                }
                var (value, end) = ReadString(i);
                entries.Add(value);
                i = end;
                continue;
            }
            i++;
        }
        if (i >= _text.Length)
        {
            throw new UvError("Failed to parse `pyproject.toml`", ["unterminated `project.dependencies` array"]);
        }
        return new ArraySpan(true, key.Index, i + 1, entries, string.IsNullOrEmpty(indentation) ? "    " : indentation, key.Index);
    }

    private (string Value, int End) ReadString(int start)
    {
        var quote = _text[start];
        var value = new StringBuilder();
        var i = start + 1;
        while (i < _text.Length && _text[i] != quote)
        {
            if (quote == '"' && _text[i] == '\\' && i + 1 < _text.Length)
            {
                value.Append(_text[i + 1] switch { 'n' => '\n', 't' => '\t', var other => other });
                i += 2;
                continue;
            }
            value.Append(_text[i]);
            i++;
        }
        return (value.ToString(), i + 1);
    }

    private void Write(ArraySpan array, List<string> entries)
    {
        var rendered = new StringBuilder("dependencies = [");
        foreach (var entry in entries)
        {
            rendered.Append('\n').Append(array.Indentation).Append('"').Append(entry.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\",");
        }
        if (entries.Count > 0)
        {
            rendered.Append('\n');
        }
        rendered.Append(']');
        _text = array.Exists
            ? _text[..array.Start] + rendered + _text[array.End..]
            : _text[..array.InsertAt] + "\n" + rendered + _text[array.InsertAt..];
    }

    [GeneratedRegex(@"^[ \t]*\[[ \t]*project[ \t]*\][ \t]*(#[^\n]*)?$", RegexOptions.Multiline)]
    private static partial Regex ProjectHeader();

    [GeneratedRegex(@"^[ \t]*\[", RegexOptions.Multiline)]
    private static partial Regex NextHeader();

    [GeneratedRegex(@"(?<=^|\n)[ \t]*dependencies[ \t]*=[ \t]*\[")]
    private static partial Regex DependenciesKey();
}
