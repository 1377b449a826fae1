namespace UvShim.Arguments;

/// <summary>Token classification as clap_lex does it.</summary>
internal static class TokenShape
{
    public const string DoubleDash = "--";

    /// <summary>
    /// clap never takes such a token as the value of a pending option (uv sets no
    /// <c>allow_hyphen_values</c>): <c>--</c>, <c>--x</c> and <c>-x</c>; a lone <c>-</c> is a value.
    /// </summary>
    public static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';

    public static bool IsLong(string token) => token.Length > 2 && token[0] == '-' && token[1] == '-';

    public static bool IsShortGroup(string token) => token.Length > 1 && token[0] == '-' && token[1] != '-';
}
