using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Packaging;

/// <summary>
/// The packed tool, twice: the version under test and a next version to update to.
/// <list type="bullet">
/// <item>The version under test: the packages in <c>$UVSHIM_TEST_PACKAGES</c> (scripts/test.sh sets it to what
/// scripts/pack.sh made: pointer, NativeAOT linux-x64 and framework-dependent any); without it, packed here.</item>
/// <item>The next version (patch + 1): packed here, framework-dependent only (a pointer naming just <c>any</c>, and
/// <c>uvshim.any</c>), because NativeAOT packing takes half a minute more and the update path is the same.</item>
/// </list>
/// Packing runs <c>dotnet pack</c> on src/UvShim with a private artifacts path, so it never touches the checkout's
/// bin/obj; packages come from the machine's usual NuGet cache (offline once restored).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class PackedTool : IDisposable
{
    public const string PackagesVariable = TestTier.PackagesVariable;

    private readonly string _work;

    public PackedTool()
    {
        _work = TestRunDirectory.CreateSubdirectory("packaging");
        var configured = Environment.GetEnvironmentVariable(PackagesVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            Packages = Path.GetFullPath(configured);
            Version = PointerVersion(Packages);
        }
        else
        {
            Version = ProjectVersion();
            Packages = PackFrameworkDependent(Version, "current");
        }

        var parts = Version.Split('.');
        NextVersion = $"{parts[0]}.{parts[1]}.{int.Parse(parts[2].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture) + 1}";
        NextPackages = PackFrameworkDependent(NextVersion, "next");
    }

    /// <summary>The directory holding the packages of <see cref="Version"/>.</summary>
    public string Packages { get; }

    public string Version { get; }

    public string NextPackages { get; }

    public string NextVersion { get; }

    /// <summary>How long packing took, for the test output.</summary>
    public TimeSpan PackingTime { get; private set; }

    /// <summary>
    /// Runs the SDK's <c>dotnet</c> with the test process's environment minus MSBuild's own variables (the test host may
    /// inherit them from <c>dotnet test</c>), plus <paramref name="extra"/>; never a shell.
    /// </summary>
    public static ProcessResult Dotnet(IEnumerable<string> arguments, string workingDirectory, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                environment[name] = (string?)entry.Value ?? "";
        }
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in extra)
            environment[name] = value;

        using var user = TestUser.CreateCurrent();
        return ShimProcessRunner.Run(user, DotnetExecutable, arguments, environment, workingDirectory, TimeSpan.FromMinutes(5));
    }

    public static string DotnetExecutable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ExecutableLookup.OnPath("dotnet") ?? "/usr/share/dotnet/dotnet";

    /// <summary>The directory of the running runtime, for a framework-dependent apphost (DOTNET_ROOT).</summary>
    public static string DotnetRoot =>
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public void Dispose() => TestRunDirectory.DeleteTree(_work);

    /// <summary>As scripts/pack.sh does for <c>any</c>, but with a pointer package that names only <c>any</c>.</summary>
    private string PackFrameworkDependent(string version, string name)
    {
        var output = Path.Combine(_work, name);
        var artifacts = Path.Combine(_work, "artifacts-" + name);
        var project = Path.Combine(RepositoryRoot.Path, "src", "UvShim");
        string[] common =
        [
            "-c", "Release", $"-p:Version={version}", "-p:ToolPackageRuntimeIdentifiers=any",
            "--artifacts-path", artifacts, "-o", output, "--disable-build-servers", "-nologo", "-v", "quiet",
        ];
        var started = DateTime.UtcNow;
        string[][] runs = [["pack", project, .. common], ["pack", project, "-r", "any", "-p:PublishAot=false", .. common]];
        foreach (var arguments in runs)
        {
            var result = Dotnet(arguments, RepositoryRoot.Path);
            if (result.ExitCode != 0)
                throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {result}");
        }
        PackingTime += DateTime.UtcNow - started;
        return output;
    }

    internal static string PointerVersion(string packages)
    {
        var versions = Directory.EnumerateFiles(packages, "uvshim.*.nupkg")
            .Select(Path.GetFileName)
            .Select(file => PointerPackage().Match(file!))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"{PackagesVariable}={packages} must hold exactly one pointer package uvshim.<version>.nupkg; found {versions.Count}.");
    }

    private static string ProjectVersion()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
        return VersionProperty().Match(props) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("No <Version> in Directory.Build.props.");
    }

    [GeneratedRegex(@"^uvshim\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PointerPackage();

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex VersionProperty();
}
