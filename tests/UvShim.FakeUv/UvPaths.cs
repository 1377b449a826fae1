namespace UvShim.FakeUv;

internal static class UvPaths
{
    /// <summary>uv's <c>user_display</c>: relative to the working directory when inside it ("." for itself), else as is.</summary>
    public static string UserDisplay(string path)
    {
        var cwd = Directory.GetCurrentDirectory().TrimEnd('/');
        if (cwd.Length == 0)
        {
            return path;
        }
        if (path == cwd)
        {
            return ".";
        }
        return path.StartsWith(cwd + "/", StringComparison.Ordinal) ? path[(cwd.Length + 1)..] : path;
    }

    /// <summary>A <c>file://</c> URL for an absolute path, percent-encoding what a URL path cannot hold.</summary>
    public static string FileUrl(string absolutePath) => new Uri(absolutePath).AbsoluteUri;

    /// <summary>The path of a <c>file://</c> URL, or null for other schemes.</summary>
    public static string? PathOfFileUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : null;
}
