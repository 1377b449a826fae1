namespace UvShim.Python;

/// <summary>How a <c>--python</c> value reads, as uv's <c>PythonRequest::parse</c> sorts it.</summary>
internal abstract record PythonRequest(string Text)
{
    /// <summary>A file or directory path (has a separator, or starts with <c>.</c> or <c>~</c>).</summary>
    public sealed record FilePath(string Text) : PythonRequest(Text);

    /// <summary>A bare program name such as <c>python3.12</c> or <c>pypy3</c>, looked up on PATH.</summary>
    public sealed record ExecutableName(string Text) : PythonRequest(Text);

    /// <summary>Anything else (<c>3.12</c>, <c>cpython@3.12</c>, <c>&gt;=3.11</c>): only uv knows.</summary>
    public sealed record Other(string Text) : PythonRequest(Text);

    public static PythonRequest Parse(string text)
    {
        if (text.Contains('/') || text.Contains(Path.DirectorySeparatorChar) || text.StartsWith('.') || text.StartsWith('~'))
            return new FilePath(text);
        if (LooksLikeExecutableName(text))
            return new ExecutableName(text);
        return new Other(text);
    }

    // uv treats names like "python", "python3.12", "pypy3.10", "graalpy" as executables to find on PATH.
    private static bool LooksLikeExecutableName(string text)
    {
        foreach (var prefix in new[] { "python", "pypy", "graalpy", "pyodide" })
        {
            if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                continue;
            var rest = text[prefix.Length..];
            if (rest.Length == 0 || rest.All(c => char.IsAsciiDigit(c) || c == '.'))
                return true;
        }
        return false;
    }
}
