namespace UvShim.UvConfig;

/// <summary>
/// A text test that rules out a <c>[tool.uv]</c> table without parsing. Skipping such a file is exactly what uv
/// does: with no <c>tool.uv</c> (or with TOML it cannot parse, which uv only warns about) the walk goes on.
/// </summary>
/// <remarks>
/// A key is a bare word (<c>[A-Za-z0-9_-]+</c>) or a quoted string, and a quoted key spells "uv" without escapes
/// unless it uses an escape (<c>\u</c>, <c>\U</c>, TOML 1.1's <c>\x</c>). So a <c>tool.uv</c> key needs the words "tool" and "uv" standing alone
/// (not inside <c>uv_build</c> or <c>uvicorn</c>), or an escape; anything else can be skipped safely.
/// </remarks>
internal static class PyprojectPrefilter
{
    public static bool MayHaveToolUv(string text) =>
        text.Contains(@"\u", StringComparison.Ordinal)
        || text.Contains(@"\U", StringComparison.Ordinal)
        || text.Contains(@"\x", StringComparison.Ordinal)
        || (HasWord(text, "tool") && HasWord(text, "uv"));

    private static bool HasWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !IsBareKeyChar(text[at - 1])) && (end == text.Length || !IsBareKeyChar(text[end])))
                return true;
        }
        return false;
    }

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
