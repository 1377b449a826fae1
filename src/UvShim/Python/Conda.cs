namespace UvShim.Python;

/// <summary>uv's reading of an active conda environment (crates/uv-python/src/virtualenv.rs).</summary>
internal static class Conda
{
    public static string? ActivePrefix(IReadOnlyDictionary<string, string> env) =>
        env.TryGetValue("CONDA_PREFIX", out var prefix) && prefix.Length > 0 ? prefix : null;

    /// <summary>A child environment counts as a venv; the base environment as a system Python.</summary>
    public static bool IsChild(string prefix, IReadOnlyDictionary<string, string> env)
    {
        if (File.Exists(Path.Combine(prefix, "conda-meta", "pixi")))
            return true;
        if (env.TryGetValue("_CONDA_ROOT", out var root) && SamePath(root, prefix))
            return false;
        if (!env.TryGetValue("CONDA_DEFAULT_ENV", out var current))
            return true;
        if (SamePath(current, prefix))
            return true;
        return Path.GetFileName(prefix.TrimEnd('/', '\\')) == current;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(a.TrimEnd('/', '\\'), b.TrimEnd('/', '\\'), StringComparison.Ordinal);
}
