using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// pyenv's CPythons, where pyenv is installed: extra coverage beyond the interpreters scripts/prerequisites.sh
/// installs (<see cref="TestInterpreters"/>). pyenv's root is what <c>pyenv root</c> says when pyenv is on PATH, else
/// <c>$PYENV_ROOT</c>, else <c>$HOME/.pyenv</c>; its CPythons are the <c>versions/3.X.Y</c> holding <c>bin/python3.X</c>.
/// Read once, when the tests are discovered.
/// </summary>
public static partial class PyenvCPythons
{
    private static readonly Lazy<string?> RootDirectory = new(FindRoot, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyList<string>> Installed = new(FindVersions, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? Root => RootDirectory.Value;

    /// <summary>The oldest and the newest CPython 3.x under pyenv's root (one, if only one; none without pyenv):
    /// each copy costs about 70 MB and seconds, so the versions in between are left out.</summary>
    public static IReadOnlyList<string> Versions => Installed.Value;

    /// <summary>Why there is nothing to run, or null.</summary>
    public static string? Missing =>
        Versions.Count > 0 ? null
        : Root is null ? "no pyenv here (pyenv on PATH, $PYENV_ROOT, ~/.pyenv): pyenv's CPythons are extra coverage where present"
        : $"no CPython 3.x under {Root}/versions: pyenv's CPythons are extra coverage where present";

    /// <summary>The directory of one of <see cref="Versions"/>.</summary>
    public static string Directory(string version) => Path.Combine(Root!, "versions", version);

    private static string? FindRoot()
    {
        if (OperatingSystem.IsLinux() && ExecutableLookup.OnPath("pyenv") is { } pyenv)
        {
            var start = new ProcessStartInfo(pyenv, ["root"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.StandardError.ReadToEnd();
            if (process.WaitForExit(60_000) && process.ExitCode == 0 && System.IO.Directory.Exists(output))
            {
                return output;
            }
        }
        if (Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } configured && System.IO.Directory.Exists(configured))
        {
            return configured;
        }
        var home = Environment.GetEnvironmentVariable("HOME");
        return home is not null && System.IO.Directory.Exists(Path.Combine(home, ".pyenv")) ? Path.Combine(home, ".pyenv") : null;
    }

    private static IReadOnlyList<string> FindVersions()
    {
        if (Root is not { } root || !System.IO.Directory.Exists(Path.Combine(root, "versions")))
        {
            return [];
        }
        var versions = System.IO.Directory.EnumerateDirectories(Path.Combine(root, "versions"))
            .Select(path => (Name: Path.GetFileName(path), Match: CPythonVersion().Match(Path.GetFileName(path))))
            .Where(v => v.Match.Success && File.Exists(Path.Combine(root, "versions", v.Name, "bin", $"python3.{v.Match.Groups[1].Value}")))
            .OrderBy(v => int.Parse(v.Match.Groups[1].Value, CultureInfo.InvariantCulture))
            .ThenBy(v => int.Parse(v.Match.Groups[2].Value, CultureInfo.InvariantCulture))
            .Select(v => v.Name)
            .ToList();
        return versions.Count <= 2 ? versions : [versions[0], versions[^1]];
    }

    [GeneratedRegex(@"^3\.(\d+)\.(\d+)$")]
    private static partial Regex CPythonVersion();
}
