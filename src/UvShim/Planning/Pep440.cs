using System.Text.RegularExpressions;

namespace UvShim.Planning;

/// <summary>PEP 440's version grammar (its appendix's <c>VERSION_PATTERN</c>): what uv can read after <c>==</c>.</summary>
internal static partial class Pep440
{
    public static bool IsValid(string version) => Pattern().IsMatch(version);

    [GeneratedRegex(
        @"^\s*v?(?:(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:[-_\.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_\.]?[0-9]*)?"
        + @"(?:-[0-9]+|[-_\.]?(?:post|rev|r)[-_\.]?[0-9]*)?(?:[-_\.]?dev[-_\.]?[0-9]*)?)(?:\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
