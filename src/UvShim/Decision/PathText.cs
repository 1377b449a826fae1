namespace UvShim.Decision;

/// <summary>Path arithmetic on paths reported by an interpreter, which may be of another OS than uvshim's.</summary>
internal static class PathText
{
    public static bool IsAbsolute(string path, bool windows) =>
        windows
            ? path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/'
              || path.StartsWith(@"\\", StringComparison.Ordinal)
            : path.StartsWith('/');

    public static string Join(string root, string relative, bool windows)
    {
        var sep = windows ? '\\' : '/';
        if (relative.Length == 0)
            return root;
        return root.TrimEnd('/', '\\') + sep + relative.TrimStart('/', '\\');
    }

    public static bool Same(string a, string b, bool windows)
    {
        static string Normalize(string p, bool windows) =>
            (windows ? p.Replace('/', '\\') : p).TrimEnd('/', '\\');
        return string.Equals(Normalize(a, windows), Normalize(b, windows),
            windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
