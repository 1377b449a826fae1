using System.Text.Json;
using UvShim.Planning;

namespace UvShim.Merging;

/// <summary>
/// The package behind each editable line <c>uv pip freeze</c> prints for some site-packages directories, which
/// names none: <c>-e &lt;url&gt;</c> from a dist-info's <c>direct_url.json</c> (<c>dir_info.editable</c>, the URL
/// with <c>#subdirectory=…</c>), <c>-e &lt;path&gt;</c> from a legacy <c>&lt;name&gt;.egg-link</c>
/// (uv 0.12.5 crates/uv/src/commands/pip/freeze.rs, crates/uv-distribution-types/src/installed.rs, crates/uv-pypi-types/src/direct_url.rs).
/// </summary>
internal static class EditableNames
{
    /// <summary>Normalized editable target (see <see cref="Key"/>) → normalized package name.</summary>
    public static Dictionary<string, string> In(IEnumerable<string> siteDirectories)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in siteDirectories.Distinct())
        {
            try
            {
                if (!Directory.Exists(site))
                    continue;
                foreach (var entry in Directory.EnumerateFileSystemEntries(site))
                {
                    var file = Path.GetFileName(entry);
                    var dash = file.IndexOf('-');
                    if (file.EndsWith(".dist-info", StringComparison.Ordinal) && dash > 0 && EditableUrl(entry) is { } url)
                        names.TryAdd(Key(url), PackageName.Normalize(file[..dash]));
                    else if (file.EndsWith(".egg-link", StringComparison.Ordinal) && EggLinkTarget(entry) is { } target)
                        names.TryAdd(Key(Path.Combine(site, target)), PackageName.Normalize(Path.GetFileNameWithoutExtension(file)));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // uv could not list this directory either; its lines keep no name.
            }
        }
        return names;
    }

    /// <summary>One spelling per target: a URL as <see cref="Uri"/> writes it (file paths become <c>file://</c> URLs).</summary>
    public static string Key(string urlOrPath) =>
        Uri.TryCreate(urlOrPath, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : urlOrPath;

    private static string? EditableUrl(string distInfo)
    {
        var path = Path.Combine(distInfo, "direct_url.json");
        if (!File.Exists(path))
            return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("dir_info", out var dirInfo) || dirInfo.ValueKind != JsonValueKind.Object
                || !dirInfo.TryGetProperty("editable", out var editable) || editable.ValueKind != JsonValueKind.True
                || !root.TryGetProperty("url", out var url) || url.GetString() is not { } text)
                return null;
            return root.TryGetProperty("subdirectory", out var sub) && sub.GetString() is { } subdirectory
                ? text + "#subdirectory=" + subdirectory
                : text;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // installed.rs: the first non-empty line, trimmed, joined to the directory of the .egg-link.
    private static string? EggLinkTarget(string eggLink)
    {
        try
        {
            return File.ReadLines(eggLink).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
