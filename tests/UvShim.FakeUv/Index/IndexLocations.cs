namespace UvShim.FakeUv.Index;

/// <summary>
/// One index as uv's <c>Index</c> holds it: the URL or path as given (what <c>uv export --emit-index-url</c> writes back,
/// uv's <c>verbatim()</c>), the local directory of a <c>file://</c> URL or path, and the <c>name</c>, <c>default</c> and
/// <c>explicit</c> of a <c>[[tool.uv.index]]</c> entry.
/// </summary>
internal sealed record PackageIndex(string Verbatim, string Url, string? LocalPath, string? Name, bool Default, bool Explicit)
{
    /// <summary>A URL (<c>scheme://…</c>) or a path, relative ones against <paramref name="baseDirectory"/> (uv's <c>VerbatimUrl::from_url_or_path</c>).</summary>
    public static PackageIndex Parse(string text, string baseDirectory, bool isDefault, string? name = null, bool isExplicit = false)
    {
        text = text.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && text.Contains("://", StringComparison.Ordinal))
        {
            var local = uri.IsFile ? uri.LocalPath : null;
            return new PackageIndex(text, text.TrimEnd('/'), local?.TrimEnd('/'), name, isDefault, isExplicit);
        }
        var path = Path.GetFullPath(text.StartsWith("~/", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("HOME") is { } home
            ? Path.Combine(home, text[2..])
            : Path.Combine(baseDirectory, text));
        return new PackageIndex(text, UvPaths.FileUrl(path), path, name, isDefault, isExplicit);
    }

    public bool IsLocal => LocalPath is not null;
}

/// <summary>
/// uv's <c>IndexLocations</c> (crates/uv-distribution-types/src/index_url.rs): the indexes in definition order (the
/// first of each name wins), the flat (<c>--find-links</c>) indexes and <c>--no-index</c>. The default index is the
/// first marked <c>default</c>, else PyPI; the indexes searched are the implicit ones, then the default
/// (<c>indexes()</c>); explicit ones are only used when pinned through <c>tool.uv.sources</c>.
/// </summary>
internal sealed record IndexLocations(IReadOnlyList<PackageIndex> Indexes, IReadOnlyList<PackageIndex> FlatIndexes, bool NoIndex)
{
    public static readonly PackageIndex PyPI = new("https://pypi.org/simple", "https://pypi.org/simple", null, null, true, false);

    private IEnumerable<PackageIndex> Configured
    {
        get
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            return Indexes.Where(i => i.Name is null || names.Add(i.Name));
        }
    }

    public PackageIndex? DefaultIndex => NoIndex ? null : Configured.FirstOrDefault(i => i.Default) ?? PyPI;

    public IEnumerable<PackageIndex> ImplicitIndexes => NoIndex ? [] : Configured.Where(i => !i.Default && !i.Explicit);

    public IEnumerable<PackageIndex> ExplicitIndexes => NoIndex ? [] : Configured.Where(i => i.Explicit);

    /// <summary>uv's <c>fetch_indexes</c>: the implicit indexes, then the default one, each URL once.</summary>
    public IEnumerable<PackageIndex> SearchOrder =>
        ImplicitIndexes.Concat(DefaultIndex is { } d ? [d] : []).Where(i => !i.Explicit).DistinctBy(i => i.Url);

    /// <summary>uv's <c>combine</c>: more indexes and flat indexes after these; <c>--no-index</c> if either says so.</summary>
    public IndexLocations Combine(IEnumerable<PackageIndex> indexes, IEnumerable<PackageIndex> flatIndexes, bool noIndex) =>
        new([.. Indexes, .. indexes], [.. FlatIndexes, .. flatIndexes], NoIndex || noIndex);
}
