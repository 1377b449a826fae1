namespace UvShim.UvConfig;

/// <summary>
/// The <c>[pip]</c> values uv takes from its config files, merged project &gt; user &gt; system per key
/// (uv 0.12.5, crates/uv-settings/src/combine.rs: each field is <c>Option::or</c>). Command-line and environment
/// values still win over these; that merge is the caller's.
/// </summary>
internal sealed record UvPipSettings
{
    public static readonly UvPipSettings Empty = new();

    public bool? System { get; init; }

    /// <summary>
    /// Exactly as written: uv does not rebase it (PipOptions::relative_to only touches indexes), so a relative path
    /// is relative to the working directory, just like a <c>--python</c> value, and "3.12" stays a version request.
    /// </summary>
    public string? Python { get; init; }

    /// <summary>Made absolute against the working directory (after <c>--directory</c>), not the config file's directory: uv passes the path through unchanged.</summary>
    public string? Target { get; init; }

    /// <summary>Made absolute like <see cref="Target"/>.</summary>
    public string? Prefix { get; init; }

    public bool? BreakSystemPackages { get; init; }

    /// <summary>The files that supplied settings, highest precedence first.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>For each key that has a value, the file it came from.</summary>
    public IReadOnlyDictionary<UvPipKey, string> Sources { get; init; } = new Dictionary<UvPipKey, string>();

    public string? SourceOf(UvPipKey key) => Sources.GetValueOrDefault(key);
}
