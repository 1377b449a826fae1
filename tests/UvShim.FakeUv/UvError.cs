namespace UvShim.FakeUv;

/// <summary>A failure reported the way uv reports it: <c>error: …</c>, <c>  Caused by: …</c>, <c>hint: …</c>; exit 2.</summary>
internal sealed class UvError(string message, IReadOnlyList<string>? causes = null, string? hint = null) : Exception(message)
{
    public const int ExitCode = 2;

    public IReadOnlyList<string> Causes { get; } = causes ?? [];

    public string? Hint { get; } = hint;

    public void Print(TextWriter stderr)
    {
        stderr.WriteLine($"error: {Message}");
        foreach (var cause in Causes)
        {
            stderr.WriteLine($"  Caused by: {cause}");
        }
        if (Hint is not null)
        {
            stderr.WriteLine();
            stderr.WriteLine($"hint: {Hint}");
        }
    }
}

/// <summary>
/// A failure uv reports through its operation diagnostics (miette: <c>  × …</c>, <c>  ╰─▶ …</c>) with exit 1,
/// "caused by user input" (a hash mismatch, a distribution that cannot be read).
/// </summary>
internal sealed class UvFailure(string message, string cause) : Exception(message)
{
    public const int ExitCode = 1;

    public void Print(TextWriter stderr)
    {
        stderr.WriteLine($"  × {Message}");
        var lines = cause.Split('\n');
        stderr.WriteLine($"  ╰─▶ {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            stderr.WriteLine(line.Length == 0 ? "" : "      " + line);
        }
    }
}
