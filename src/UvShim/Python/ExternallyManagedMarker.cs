using UvShim.Decision;

namespace UvShim.Python;

/// <summary>
/// Reads <c>&lt;stdlib&gt;/EXTERNALLY-MANAGED</c> as pip does: configparser semantics, section
/// <c>[externally-managed]</c>, keys <c>Error-&lt;lang&gt;</c>, <c>Error-&lt;language&gt;</c>, <c>Error</c>.
/// Checked live on every run, never cached.
/// </summary>
internal static class ExternallyManagedMarker
{
    public static ExternallyManaged? Read(InterpreterProbe probe, IReadOnlyDictionary<string, string> env)
    {
        if (probe.InVenv)
            return null;
        var path = Path.Combine(probe.Stdlib, "EXTERNALLY-MANAGED");
        if (!File.Exists(path))
            return null;
        string? text;
        try
        {
            text = ErrorText(File.ReadAllText(path), Language(env));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = null;
        }
        return new ExternallyManaged(path, text ?? DefaultText(probe.Prefix));
    }

    public static string DefaultText(string prefix) =>
        $"The Python environment under {prefix} is managed externally, and may not be\n"
        + "manipulated by the user. Please use specific tooling from the distributor of\n"
        + "the Python installation to interact with this environment instead.";

    /// <summary>The language part of the LC_MESSAGES locale, as <c>locale.getlocale()</c> gives it.</summary>
    public static string? Language(IReadOnlyDictionary<string, string> env)
    {
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            if (env.TryGetValue(name, out var value) && value.Length > 0)
            {
                var lang = value.Split('.', '@')[0];
                return lang is "C" or "POSIX" ? null : lang;
            }
        }
        return null;
    }

    public static string? ErrorText(string ini, string? language)
    {
        var section = Sections.Parse(ini).GetValueOrDefault("externally-managed");
        if (section is null)
            return null;
        foreach (var key in Keys(language))
        {
            if (section.TryGetValue(key.ToLowerInvariant(), out var value))
                return value;
        }
        return null;
    }

    private static IEnumerable<string> Keys(string? language)
    {
        if (language is not null)
        {
            yield return "Error-" + language;
            foreach (var sep in new[] { '-', '_' })
            {
                var at = language.IndexOf(sep);
                if (at >= 0)
                    yield return "Error-" + language[..at];
            }
        }
        yield return "Error";
    }

    /// <summary>The part of configparser pip relies on: sections, <c>key = value</c>, indented continuations.</summary>
    private static class Sections
    {
        public static Dictionary<string, Dictionary<string, string>> Parse(string ini)
        {
            var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            Dictionary<string, string>? current = null;
            string? key = null;
            var value = new List<string>();

            void Flush()
            {
                if (current is not null && key is not null)
                {
                    while (value.Count > 0 && value[^1].Length == 0)
                        value.RemoveAt(value.Count - 1);
                    current[key] = string.Join('\n', value);
                }
                key = null;
                value.Clear();
            }

            foreach (var rawLine in ini.Replace("\r\n", "\n").Split('\n'))
            {
                var trimmed = rawLine.Trim();
                var indented = rawLine.Length > 0 && char.IsWhiteSpace(rawLine[0]);
                if (key is not null && (indented || trimmed.Length == 0) && !(trimmed.StartsWith('#') || trimmed.StartsWith(';')))
                {
                    value.Add(trimmed);
                    continue;
                }
                if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith(';'))
                    continue;
                Flush();
                if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
                {
                    var name = trimmed[1..^1];
                    current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = new(StringComparer.Ordinal);
                    continue;
                }
                var sep = trimmed.IndexOfAny(['=', ':']);
                if (sep <= 0 || current is null)
                    continue;
                key = trimmed[..sep].Trim().ToLowerInvariant();
                value.Add(trimmed[(sep + 1)..].Trim());
            }
            Flush();
            return sections;
        }
    }
}
