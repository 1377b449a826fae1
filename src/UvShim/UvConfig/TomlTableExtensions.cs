using Tomlyn.Model;

namespace UvShim.UvConfig;

internal static class TomlTableExtensions
{
    /// <summary>The value under <paramref name="key"/>, or null when absent (TOML has no null of its own).</summary>
    public static object? Value(this TomlTable table, string key) => table.TryGetValue(key, out var value) ? value : null;
}
