namespace UvShim.Python;

/// <summary>A file Python's configparser cannot read: pip then warns (EXTERNALLY-MANAGED) or stops (pip.conf).</summary>
internal sealed class PythonIniException(string message) : Exception(message);

/// <summary>
/// What <c>configparser.RawConfigParser</c> with its defaults (CPython 3.11 Lib/configparser.py <c>_read</c> and
/// <c>_join_multiline_values</c>) makes of a file, as pip reads EXTERNALLY-MANAGED (exceptions.py
/// <c>ExternallyManagedEnvironment.from_config</c>) and pip.conf (configuration.py <c>_construct_parser</c>): full-line
/// <c>#</c>/<c>;</c> comments, <c>=</c> or <c>:</c>, keys lowercased, a line indented deeper than its key continues
/// the value, empty lines kept inside values, values stripped and joined with newlines, <c>[DEFAULT]</c> behind every
/// section; a line before any section, a line that is no <c>key = value</c>, or a repeated section or key is an error
/// (strict mode).
/// </summary>
internal sealed class PythonIni
{
    private const string DefaultSection = "DEFAULT";

    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _sections;
    private readonly List<KeyValuePair<string, string>> _defaults;

    private PythonIni(Dictionary<string, List<KeyValuePair<string, string>>> sections, List<KeyValuePair<string, string>> defaults)
    {
        _sections = sections;
        _defaults = defaults;
    }

    /// <summary>The section names in file order, <c>[DEFAULT]</c> excluded, as <c>sections()</c> gives them.</summary>
    public IReadOnlyList<string> Sections => [.. _sections.Keys];

    /// <summary><c>parser[section][key]</c>: the section's value, else <c>[DEFAULT]</c>'s; null when neither or no such section.</summary>
    public string? Get(string section, string key)
    {
        if (!_sections.TryGetValue(section, out var items))
            return null;
        var name = key.ToLowerInvariant();
        return Find(items, name) ?? Find(_defaults, name);
    }

    /// <summary><c>parser.items(section)</c>: <c>[DEFAULT]</c>'s pairs, then the section's (a section's key overrides in place).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Items(string section)
    {
        var merged = new List<KeyValuePair<string, string>>(_defaults);
        foreach (var pair in _sections[section])
        {
            var at = merged.FindIndex(p => p.Key == pair.Key);
            if (at >= 0)
                merged[at] = pair;
            else
                merged.Add(pair);
        }
        return merged;
    }

    private static string? Find(List<KeyValuePair<string, string>> items, string key)
    {
        foreach (var pair in items)
        {
            if (pair.Key == key)
                return pair.Value;
        }
        return null;
    }

    /// <exception cref="PythonIniException">configparser would raise (MissingSectionHeaderError, ParsingError, Duplicate*Error).</exception>
    public static PythonIni Parse(string text)
    {
        var sections = new Dictionary<string, List<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        var defaults = new List<KeyValuePair<string, string>>();
        var values = new Dictionary<(string Section, string Key), List<string>>();
        var added = new HashSet<string>(StringComparer.Ordinal);
        var addedKeys = new HashSet<(string, string)>();
        List<KeyValuePair<string, string>>? current = null;
        string? sectionName = null;
        string? key = null;
        var indentLevel = 0;
        var lineNumber = 0;
        string? error = null;

        foreach (var line in Lines(text))
        {
            lineNumber++;
            var stripped = Strip(line);
            var comment = stripped.StartsWith('#') || stripped.StartsWith(';');
            var value = comment ? "" : stripped;
            if (value.Length == 0)
            {
                // empty_lines_in_values: an empty line (not a comment) belongs to the value being read.
                if (!comment && current is not null && key is not null)
                    values[(sectionName!, key)].Add("");
                continue;
            }

            var indent = IndentOf(line);
            if (current is not null && key is not null && indent > indentLevel)
            {
                values[(sectionName!, key)].Add(value);
                continue;
            }

            indentLevel = indent;
            if (value.StartsWith('[') && value.LastIndexOf(']') is var close and >= 2)
            {
                var name = value[1..close];
                if (name == DefaultSection)
                {
                    current = defaults;
                }
                else if (sections.TryGetValue(name, out var existing))
                {
                    if (!added.Add(name))
                        throw new PythonIniException($"line {lineNumber}: section '{name}' already exists");
                    current = existing;
                }
                else
                {
                    current = sections[name] = [];
                    added.Add(name);
                }
                sectionName = name;
                key = null;
                continue;
            }
            if (current is null)
                throw new PythonIniException($"line {lineNumber}: file contains no section headers");

            var delimiter = value.IndexOfAny(['=', ':']);
            if (delimiter < 0 || RightStrip(value[..delimiter]).Length == 0)
            {
                // configparser goes on and raises one ParsingError for every bad line at the end.
                error ??= $"line {lineNumber}: {value}";
                key = null;
                continue;
            }
            key = RightStrip(value[..delimiter]).ToLowerInvariant();
            if (!addedKeys.Add((sectionName!, key)))
                throw new PythonIniException($"line {lineNumber}: option '{key}' in section '{sectionName}' already exists");
            var at = current.FindIndex(p => p.Key == key);
            if (at >= 0)
                current[at] = new(key, "");
            else
                current.Add(new(key, ""));
            values[(sectionName!, key)] = [Strip(value[(delimiter + 1)..])];
        }

        if (error is not null)
            throw new PythonIniException("source contains parsing errors: " + error);

        foreach (var ((section, name), lines) in values)
        {
            var items = section == DefaultSection ? defaults : sections[section];
            var at = items.FindIndex(p => p.Key == name);
            items[at] = new(name, RightStrip(string.Join('\n', lines)));
        }
        return new PythonIni(sections, defaults);
    }

    /// <summary>Lines as Python's text mode gives them: universal newlines (<c>\r\n</c>, <c>\r</c>, <c>\n</c>).</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
                continue;
            yield return text[start..i];
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        if (start < text.Length)
            yield return text[start..];
    }

    /// <summary>Python's <c>str.isspace</c>: .NET's white space and the separators U+001C to U+001F.</summary>
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';

    private static int IndentOf(string line)
    {
        var i = 0;
        while (i < line.Length && IsSpace(line[i]))
            i++;
        return i;
    }

    private static string Strip(string text) => RightStrip(text[IndentOf(text)..]);

    private static string RightStrip(string text)
    {
        var end = text.Length;
        while (end > 0 && IsSpace(text[end - 1]))
            end--;
        return text[..end];
    }
}
