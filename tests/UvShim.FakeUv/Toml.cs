using Tomlyn;
using Tomlyn.Model;

namespace UvShim.FakeUv;

/// <summary>Small typed reads over Tomlyn's untyped model (tables, table arrays, inline tables).</summary>
internal static class Toml
{
    /// <summary>Parses a document; throws <see cref="TomlException"/> on invalid TOML.</summary>
    public static TomlTable Parse(string text) => TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();

    /// <summary>The table at a dotted path of keys, or null when any step is missing.</summary>
    public static TomlTable? Table(TomlTable root, params string[] path)
    {
        var current = root;
        foreach (var key in path)
        {
            if (!current.TryGetValue(key, out var value) || value is not TomlTable table)
            {
                return null;
            }
            current = table;
        }
        return current;
    }

    public static string? String(TomlTable table, string key) =>
        table.TryGetValue(key, out var value) ? value as string ?? throw TypeError(key, value, "a string") : null;

    public static bool? Bool(TomlTable table, string key) =>
        table.TryGetValue(key, out var value) ? value as bool? ?? throw TypeError(key, value, "a boolean") : null;

    /// <summary>The tables of an array of tables (<c>[[x]]</c>) or an array of inline tables; empty when missing.</summary>
    public static IReadOnlyList<TomlTable> Tables(TomlTable table, string key) =>
        table.TryGetValue(key, out var value)
            ? value switch
            {
                TomlTableArray array => array.ToList(),
                TomlArray array => array.OfType<TomlTable>().ToList(),
                _ => throw TypeError(key, value, "an array of tables"),
            }
            : [];

    /// <summary>The strings of an array; empty when missing.</summary>
    public static IReadOnlyList<string> Strings(TomlTable table, string key) =>
        table.TryGetValue(key, out var value)
            ? value is TomlArray array ? array.OfType<string>().ToList() : throw TypeError(key, value, "an array of strings")
            : [];

    private static InvalidDataException TypeError(string key, object? value, string expected) =>
        new($"invalid type for `{key}`: {value?.GetType().Name ?? "null"}, expected {expected}");
}
