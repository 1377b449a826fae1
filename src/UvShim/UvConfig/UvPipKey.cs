namespace UvShim.UvConfig;

/// <summary>The <c>[pip]</c> keys uvshim needs (uv 0.12.5, crates/uv-settings/src/settings.rs PipOptions).</summary>
internal enum UvPipKey
{
    Python,
    System,
    BreakSystemPackages,
    Target,
    Prefix,
}

internal static class UvPipKeys
{
    public static readonly IReadOnlyList<UvPipKey> All =
        [UvPipKey.Python, UvPipKey.System, UvPipKey.BreakSystemPackages, UvPipKey.Target, UvPipKey.Prefix];

    /// <summary>The key as written in the file (serde kebab-case).</summary>
    public static string TomlName(this UvPipKey key) => key switch
    {
        UvPipKey.Python => "python",
        UvPipKey.System => "system",
        UvPipKey.BreakSystemPackages => "break-system-packages",
        UvPipKey.Target => "target",
        UvPipKey.Prefix => "prefix",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static bool IsBoolean(this UvPipKey key) => key is UvPipKey.System or UvPipKey.BreakSystemPackages;
}
