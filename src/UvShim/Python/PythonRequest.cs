using System.Text.RegularExpressions;

namespace UvShim.Python;

/// <summary>
/// How a <c>--python</c> value reads, in the order of uv's <c>PythonRequest::parse</c>
/// (uv 0.12.5 crates/uv-python/src/discovery.rs L1949–2030): <c>any</c>/<c>default</c>, versions and
/// implementations, an existing directory or file, a value with a path separator, a download key, and last
/// a program name.
/// </summary>
internal abstract partial record PythonRequest(string Text)
{
    /// <summary>An existing file or directory, or any value with a path separator (uv does not expand <c>~</c>).</summary>
    public sealed record FilePath(string Text) : PythonRequest(Text);

    /// <summary>
    /// A program name such as <c>python</c> or <c>pythonw</c>: uv looks it up on PATH only
    /// (discovery.rs <c>python_executables_with_name</c>, <c>which_all</c>), never in a virtual environment.
    /// </summary>
    public sealed record ExecutableName(string Text) : PythonRequest(Text);

    /// <summary>
    /// A version or implementation request (<c>3.12</c>, <c>python3.12</c>, <c>python3</c>, <c>pypy3</c>,
    /// <c>cp312</c>, <c>&gt;=3.11</c>, <c>any</c>), a download key, or a name only uv can sort out: uv searches
    /// virtual environments first, then installations, so <c>uv python find</c> answers it.
    /// </summary>
    public sealed record Other(string Text) : PythonRequest(Text);

    // uv 0.12.5 crates/uv-python/src/implementation.rs ImplementationName: long and short names.
    private static readonly string[] Implementations = ["cpython", "cp", "pypy", "pp", "graalpy", "gp", "pyodide"];

    /// <param name="workingDirectory">uv's working directory (after <c>--directory</c>): uv tests a relative path against it.</param>
    public static PythonRequest Parse(string text, string workingDirectory)
    {
        var lower = text.ToLowerInvariant();
        if (lower is "any" or "default" || IsVersionRequest(lower, Version()))
            return new Other(text);

        if (Exists(text, workingDirectory) || text.Contains('/') || text.Contains(Path.DirectorySeparatorChar))
            return new FilePath(text);

        // What may still be a version (parse_versions_and_implementations is wider than the pattern above) or a
        // download key (downloads.rs PythonDownloadRequest::from_str, parts split at '-'): uv knows.
        if (IsVersionRequest(lower, VersionLike()) || lower.Contains('-') || !lower.StartsWith("python", StringComparison.Ordinal))
            return new Other(text);
        return new ExecutableName(text);
    }

    /// <summary>discovery.rs <c>parse_versions_and_implementations</c>: <c>python</c>, nothing, or an implementation, then a version (<c>@</c> optional).</summary>
    private static bool IsVersionRequest(string lower, Regex version)
    {
        if (Implementations.Contains(lower))
            return true;
        foreach (var prefix in Implementations.Prepend("python").Append(""))
        {
            if (!lower.StartsWith(prefix, StringComparison.Ordinal) || lower.Length == prefix.Length)
                continue;
            var rest = lower[prefix.Length..];
            if (version.IsMatch(rest.StartsWith('@') ? rest[1..] : rest))
                return true;
        }
        return false;
    }

    private static bool Exists(string text, string workingDirectory)
    {
        try
        {
            var path = Path.GetFullPath(text, workingDirectory);
            return Directory.Exists(path) || File.Exists(path);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // discovery.rs VersionRequest::from_str: 3, 3.12, 312, 3.12.1, 3.13rc1, a variant (3.13t, 3.12+debug), or specifiers (>=3.11,<3.13).
    [GeneratedRegex(@"^(\d+(\.\d+){0,2}((a|b|rc)\d+)?(\+?(t|d|td|freethreaded|debug|freethreaded\+debug|gil|gil\+debug))?|(~=|===?|!=|<=?|>=?)\s*\d[0-9a-z.*+!]*(\s*,\s*(~=|===?|!=|<=?|>=?)\s*\d[0-9a-z.*+!]*)*)$")]
    private static partial Regex Version();

    // Anything that starts the way a version or a specifier does; uv decides the rest.
    [GeneratedRegex(@"^(v?\d|[<>=!~])")]
    private static partial Regex VersionLike();
}
