using System.Text.Json;

namespace UvShim.FakeUv;

/// <summary>
/// A <c>direct_url.json</c> (PEP 610) as uv writes and reads it. uv writes <c>{"url":"file:///…/x.whl","archive_info":{}}</c>
/// for a wheel installed from a local path; a <c>dir_info</c> with <c>editable: true</c> marks an editable install.
/// </summary>
internal sealed record DirectUrl(string Url, bool IsDirectory, bool Editable, string? Subdirectory, string? Sha256)
{
    public const string FileName = "direct_url.json";

    /// <summary>What uv writes for a wheel installed from a local path.</summary>
    public static byte[] ForArchive(string url) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, object> { ["url"] = url, ["archive_info"] = new Dictionary<string, string>() },
            FakeUvJsonContext.AsSerdeWrites.DictionaryStringObject);

    public static DirectUrl? Read(string distInfo)
    {
        var path = Path.Combine(distInfo, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            var url = root.GetProperty("url").GetString() ?? "";
            var subdirectory = root.TryGetProperty("subdirectory", out var sub) ? sub.GetString() : null;
            if (root.TryGetProperty("dir_info", out var dirInfo))
            {
                var editable = dirInfo.TryGetProperty("editable", out var e) && e.ValueKind == JsonValueKind.True;
                return new DirectUrl(url, true, editable, subdirectory, null);
            }
            string? sha256 = null;
            if (root.TryGetProperty("archive_info", out var archive))
            {
                if (archive.TryGetProperty("hashes", out var hashes) && hashes.TryGetProperty("sha256", out var h))
                {
                    sha256 = h.GetString();
                }
                else if (archive.TryGetProperty("hash", out var hash) && hash.GetString() is { } text && text.StartsWith("sha256=", StringComparison.Ordinal))
                {
                    sha256 = text["sha256=".Length..];
                }
            }
            return new DirectUrl(url, false, false, subdirectory, sha256);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The URL as uv displays an installed direct-URL distribution: with <c>#subdirectory=…&amp;sha256=…</c> when known.</summary>
    public string Display
    {
        get
        {
            var fragments = new List<string>();
            if (Subdirectory is not null)
            {
                fragments.Add("subdirectory=" + Subdirectory);
            }
            if (Sha256 is not null)
            {
                fragments.Add("sha256=" + Sha256);
            }
            return fragments.Count == 0 ? Url : Url + "#" + string.Join('&', fragments);
        }
    }

    /// <summary>For an editable (local directory) install: the project directory.</summary>
    public string? LocalPath => UvPaths.PathOfFileUrl(Url);
}
