using System.Text.RegularExpressions;

namespace UvShim.FakeUv;

internal static partial class PackageName
{
    /// <summary>PEP 503 normalisation: lower case, runs of <c>-_.</c> become one <c>-</c>.</summary>
    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
