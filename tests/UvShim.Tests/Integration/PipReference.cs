using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Integration;

/// <summary>
/// pip itself, the reference for the pip-parity specs: Debian's pip (package python3-pip, which scripts/prerequisites.sh
/// installs), run by the interpreter under test as the test user, with its packages on PYTHONPATH. Its decisions and
/// words are the ones uvshim copies (its PEP 668 and user-install code is pip 26's; the specs say where versions differ).
/// </summary>
[SupportedOSPlatform("linux")]
internal static class PipReference
{
    public const string DistPackages = "/usr/lib/python3/dist-packages";

    /// <summary>Null when pip is there; else why the specs that compare with it are skipped.</summary>
    public static string? Missing =>
        File.Exists(Path.Combine(DistPackages, "pip", "__init__.py"))
            ? null
            : $"needs Debian's pip ({DistPackages}/pip, package python3-pip, which scripts/prerequisites.sh installs) as the reference";

    /// <summary><c>python -m pip …</c> as the user, with <paramref name="environment"/> and Debian's pip on PYTHONPATH.</summary>
    public static ProcessResult Run(TestUser user, string python, IEnumerable<string> pipArguments, IReadOnlyDictionary<string, string> environment)
    {
        var effective = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["PYTHONPATH"] = DistPackages,
            ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1",
            ["PIP_NO_INPUT"] = "1",
        };
        effective.Remove("UVSHIM_UV");
        return ShimProcessRunner.Run(user, python, ["-m", "pip", .. pipArguments], effective);
    }

    /// <summary>Every file under <paramref name="root"/>, relative, without byte code and an installer's own records.</summary>
    public static IReadOnlyList<string> InstalledFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }
        string[] installerRecords = ["RECORD", "INSTALLER", "REQUESTED", "direct_url.json", "uv_cache.json"];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file => !file.Split('/').Contains("__pycache__"))
            .Where(file => !(Path.GetDirectoryName(file)!.EndsWith(".dist-info", StringComparison.Ordinal) && installerRecords.Contains(Path.GetFileName(file))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
