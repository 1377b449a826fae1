using System.Globalization;
using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// Every entry under a directory (type, size, modification time, mode; links as links, never followed), to show
/// that a run wrote nothing there. Directory modification times are left out: an added or removed entry shows up
/// by itself.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class TreeSnapshot
{
    private readonly Dictionary<string, string> _entries;

    private TreeSnapshot(string root, Dictionary<string, string> entries)
    {
        Root = root;
        _entries = entries;
    }

    public string Root { get; }

    public int Count => _entries.Count;

    public static TreeSnapshot Take(string root)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var top = new DirectoryInfo(root);
        if (top.Exists)
        {
            entries[""] = Describe(top);
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var entry in top.EnumerateFileSystemInfos("*", options))
            {
                entries[Path.GetRelativePath(root, entry.FullName)] = Describe(entry);
            }
        }
        return new TreeSnapshot(root, entries);
    }

    /// <summary>Full paths added, removed or changed since <paramref name="before"/>, except at or below <paramref name="allowed"/>
    /// (and the directories created to hold an allowed path, such as <c>~/.cache</c> for <c>~/.cache/uvshim</c>).</summary>
    public IReadOnlyList<string> ChangesSince(TreeSnapshot before, params string[] allowed)
    {
        bool Allowed(string relative)
        {
            var full = relative.Length == 0 ? Root : Path.Combine(Root, relative);
            return allowed.Any(a => full == a || full.StartsWith(a.TrimEnd('/') + "/", StringComparison.Ordinal));
        }
        var changes = new List<string>();
        foreach (var (relative, description) in _entries)
        {
            if (!before._entries.TryGetValue(relative, out var old))
            {
                var full = Path.Combine(Root, relative);
                var holdsAllowed = description.StartsWith("directory", StringComparison.Ordinal)
                    && allowed.Any(a => a.StartsWith(full + "/", StringComparison.Ordinal));
                if (!Allowed(relative) && !holdsAllowed)
                    changes.Add($"added {Path.Combine(Root, relative)} ({description})");
            }
            else if (old != description && !Allowed(relative))
            {
                changes.Add($"changed {Path.Combine(Root, relative)} ({old} -> {description})");
            }
        }
        changes.AddRange(before._entries.Keys.Where(k => !_entries.ContainsKey(k) && !Allowed(k)).Select(k => $"removed {Path.Combine(Root, k)}"));
        return changes;
    }

    private static string Describe(FileSystemInfo entry) =>
        entry.LinkTarget is { } target ? "link -> " + target
        : entry is DirectoryInfo directory ? string.Create(CultureInfo.InvariantCulture, $"directory {directory.UnixFileMode}")
        : string.Create(CultureInfo.InvariantCulture, $"file {((FileInfo)entry).Length} bytes, {entry.LastWriteTimeUtc.Ticks}, {entry.UnixFileMode}");
}
