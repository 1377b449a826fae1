using System.Net;
using System.Text.RegularExpressions;

namespace UvShim.FakeUv.Index;

/// <summary>A wheel an index or a <c>--find-links</c> directory offers, with the <c>sha256</c> the index gives for it.</summary>
internal sealed record IndexedWheel(string Name, string Version, string Path, string? Hash, PackageIndex Index, bool Flat)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>Why no wheel was found (uv's <c>UnavailablePackage</c>): the words of its resolver report.</summary>
internal enum Unavailable
{
    NotFound,
    NoIndex,
    Offline,
}

/// <summary>
/// Finds a package's wheels as uv's registry client does, offline. Indexes are searched in
/// <see cref="IndexLocations.SearchOrder"/> and the first that knows the name wins (index strategy
/// <c>first-index</c>); a local index (<c>file://</c> URL or path) is read as uv reads one (crates/uv-client/src/
/// registry_client.rs <c>fetch_local_simple_detail</c>): <c>&lt;index&gt;/&lt;name&gt;/index.html</c>, a PEP 503 page whose
/// anchors name the files (relative to the page; <c>#sha256=…</c> fragments are the hashes); a missing page means "not
/// here". A remote index cannot be reached by the fake: it counts as uv's <c>--offline</c> lookup (not found, "network
/// disabled"). The wheels of every <c>--find-links</c> directory (uv's <c>read_from_directory</c>: the files directly in
/// it, no hashes) are added to what the index offers.
/// </summary>
internal static partial class PackageFinder
{
    public static IReadOnlyList<IndexedWheel> Find(string name, IndexLocations locations, out Unavailable reason)
    {
        var wheels = new List<IndexedWheel>();
        var offline = false;
        foreach (var index in locations.SearchOrder)
        {
            if (!index.IsLocal)
            {
                offline = true;
                continue;
            }
            if (ReadSimplePage(name, index) is { } found)
            {
                wheels.AddRange(found);
                break;
            }
        }
        foreach (var flat in locations.FlatIndexes.Where(f => f.IsLocal))
        {
            wheels.AddRange(ReadFlatDirectory(name, flat));
        }
        reason = locations.NoIndex ? Unavailable.NoIndex : offline ? Unavailable.Offline : Unavailable.NotFound;
        return wheels;
    }

    private static List<IndexedWheel>? ReadSimplePage(string name, PackageIndex index)
    {
        var directory = Path.Combine(index.LocalPath!, name);
        var page = Path.Combine(directory, "index.html");
        if (!File.Exists(page))
        {
            return null;
        }
        var baseUri = new Uri(UvPaths.FileUrl(directory) + "/");
        var wheels = new List<IndexedWheel>();
        foreach (Match anchor in Anchor().Matches(File.ReadAllText(page)))
        {
            var href = WebUtility.HtmlDecode(anchor.Groups["href"].Value);
            if (href.Length == 0)
            {
                continue;
            }
            var fragment = href.IndexOf('#');
            var hash = fragment >= 0 ? Uri.UnescapeDataString(href[(fragment + 1)..]) : null;
            var location = fragment >= 0 ? href[..fragment] : href;
            var fileName = Uri.UnescapeDataString(location.Split('?')[0].Split('/')[^1]);
            if (!TryParseWheel(fileName, name, out var version) || !Uri.TryCreate(baseUri, location, out var url) || !url.IsFile)
            {
                continue;
            }
            wheels.Add(new IndexedWheel(name, version, url.LocalPath, hash is not null && hash.StartsWith("sha256=", StringComparison.Ordinal) ? "sha256:" + hash[7..] : null, index, Flat: false));
        }
        return wheels;
    }

    private static IEnumerable<IndexedWheel> ReadFlatDirectory(string name, PackageIndex index)
    {
        if (!Directory.Exists(index.LocalPath))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(index.LocalPath).Order(StringComparer.Ordinal))
        {
            if (TryParseWheel(Path.GetFileName(file), name, out var version))
            {
                yield return new IndexedWheel(name, version, file, null, index, Flat: true);
            }
        }
    }

    private static bool TryParseWheel(string fileName, string name, out string version)
    {
        version = "";
        if (!WheelFileName.IsWheelPath(fileName))
        {
            return false;
        }
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('-');
        if (parts.Length is not (5 or 6) || PackageName.Normalize(parts[0]) != name)
        {
            return false;
        }
        version = parts[1];
        return true;
    }

    [GeneratedRegex("""<a\s[^>]*?href\s*=\s*["'](?<href>[^"']*)["'][^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();
}
