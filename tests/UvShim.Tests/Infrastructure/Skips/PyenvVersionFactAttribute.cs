using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>A fact that needs pyenv's CPython <c>3.X</c>: skipped, with the reason, where pyenv has none.</summary>
[SupportedOSPlatform("linux")]
public sealed class PyenvVersionFactAttribute : FactAttribute
{
    public PyenvVersionFactAttribute(string minor)
    {
        if (Executable(minor) is null)
            Skip = $"pyenv has no CPython {minor}.x here";
    }

    /// <summary>The newest pyenv <c>versions/3.X.Y/bin/python3.X</c>, or null.</summary>
    public static string? Executable(string minor)
    {
        if (PyenvCPythons.Root is not { } root || !Directory.Exists(Path.Combine(root, "versions")))
            return null;
        return Directory.EnumerateDirectories(Path.Combine(root, "versions"), minor + ".*")
            .Where(d => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(d), @"^\d+\.\d+\.\d+$"))
            .OrderBy(d => int.Parse(Path.GetFileName(d).Split('.')[2], System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => Path.Combine(d, "bin", "python" + minor))
            .LastOrDefault(File.Exists);
    }
}
