namespace UvShim.UvConfig;

/// <summary>
/// The <c>glob</c> crate's <c>Pattern</c> with default <c>MatchOptions</c>, as uv matches
/// <c>tool.uv.workspace.members</c>/<c>exclude</c>: case-sensitive, and <c>*</c>, <c>?</c> and classes also match
/// <c>/</c>; <c>**</c> must be a whole path component. No backslash escapes.
/// </summary>
internal sealed class WorkspaceGlob
{
    private abstract record Token;

    private sealed record Literal(char Char) : Token;

    private sealed record AnyChar : Token;

    private sealed record AnySequence : Token;

    private sealed record AnyDirectories : Token;

    private sealed record CharClass(bool Negated, IReadOnlyList<(char From, char To)> Ranges) : Token;

    private readonly Token[] _tokens;

    private WorkspaceGlob(Token[] tokens) => _tokens = tokens;

    /// <summary>The compiled pattern, or null where <c>Pattern::new</c> fails (uv then fails to parse the file).</summary>
    public static WorkspaceGlob? Compile(string pattern)
    {
        var chars = Separators(pattern);
        var tokens = new List<Token>();
        var i = 0;
        while (i < chars.Length)
        {
            switch (chars[i])
            {
                case '?':
                    tokens.Add(new AnyChar());
                    i++;
                    break;
                case '*':
                    var start = i;
                    while (i < chars.Length && chars[i] == '*')
                        i++;
                    var count = i - start;
                    if (count > 2)
                        return null;
                    if (count == 1)
                    {
                        tokens.Add(new AnySequence());
                        break;
                    }
                    if (start > 0 && chars[start - 1] != '/')
                        return null;
                    if (i < chars.Length)
                    {
                        if (chars[i] != '/')
                            return null;
                        i++;
                    }
                    if (tokens.Count == 0 || tokens[^1] is not AnyDirectories)
                        tokens.Add(new AnyDirectories());
                    break;
                case '[':
                    var negated = i + 1 < chars.Length && chars[i + 1] == '!';
                    // The first member may be ']' itself, so the search for the closing bracket skips it.
                    var first = i + (negated ? 2 : 1);
                    var close = first + 1 <= chars.Length ? chars.IndexOf(']', first + 1) : -1;
                    if ((negated && i + 4 > chars.Length) || (!negated && i + 3 > chars.Length) || close < 0)
                        return null;
                    tokens.Add(new CharClass(negated, Ranges(chars[first..close])));
                    i = close + 1;
                    break;
                default:
                    tokens.Add(new Literal(chars[i]));
                    i++;
                    break;
            }
        }
        return new WorkspaceGlob([.. tokens]);
    }

    public bool Matches(string path) => Match(0, Separators(path), 0);

    private bool Match(int t, string path, int p)
    {
        for (; t < _tokens.Length; t++)
        {
            switch (_tokens[t])
            {
                case AnySequence:
                    for (var k = p; k <= path.Length; k++)
                    {
                        if (Match(t + 1, path, k))
                            return true;
                    }
                    return false;
                case AnyDirectories:
                    // Nothing, or whole directories (up to a '/'); as the last token it takes everything.
                    if (t == _tokens.Length - 1 || Match(t + 1, path, p))
                        return true;
                    for (var k = p; k < path.Length; k++)
                    {
                        if (path[k] == '/' && Match(t + 1, path, k + 1))
                            return true;
                    }
                    return false;
                default:
                    if (p == path.Length || !MatchesOne(_tokens[t], path[p]))
                        return false;
                    p++;
                    break;
            }
        }
        return p == path.Length;
    }

    private static bool MatchesOne(Token token, char c) => token switch
    {
        Literal literal => literal.Char == c,
        AnyChar => true,
        CharClass cls => cls.Negated != cls.Ranges.Any(r => r.From <= c && c <= r.To),
        _ => false,
    };

    private static List<(char, char)> Ranges(string spec)
    {
        var ranges = new List<(char, char)>();
        for (var i = 0; i < spec.Length;)
        {
            if (i + 2 < spec.Length && spec[i + 1] == '-')
            {
                ranges.Add((spec[i], spec[i + 2]));
                i += 3;
            }
            else
            {
                ranges.Add((spec[i], spec[i]));
                i++;
            }
        }
        return ranges;
    }

    // Windows accepts either separator in both pattern and path.
    private static string Separators(string text) => OperatingSystem.IsWindows() ? text.Replace('\\', '/') : text;
}
