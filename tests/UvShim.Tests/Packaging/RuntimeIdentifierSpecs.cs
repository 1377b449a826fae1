using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit.Abstractions;

namespace UvShim.Tests.Packaging;

/// <summary>
/// Which package each platform gets, as the SDK itself decides: <c>dotnet tool install</c> from the packed packages with
/// <c>DOTNET_RUNTIME_ID</c> naming the platform (the SDK resolves the pointer with <c>RuntimeInformation.RuntimeIdentifier</c>,
/// which that variable sets), then what was installed: the ELF program interpreter of a native package's binary, the
/// framework-dependent dll otherwise. The SDK's choice is also checked against a breadth-first walk of its own
/// PortableRuntimeIdentifierGraph.json, NuGet's order (RuntimeGraph.ExpandRuntime).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class RuntimeIdentifierSpecs(ITestOutputHelper output)
{
    /// <summary>Platform RID, the package RID it must get, and the ELF interpreter of what is installed (null: no native binary).</summary>
    public static TheoryData<string, string, string?> Platforms => new()
    {
        { "linux-x64", "linux-x64", "/lib64/ld-linux-x86-64.so.2" },
        { "linux-arm64", "linux-arm64", "/lib/ld-linux-aarch64.so.1" },
        { "linux-musl-x64", "linux-musl-x64", MuslLibraries.Loader },
        { "linux-musl-arm64", "linux-musl", null },
        { "osx-arm64", "any", null },
        { "win-x64", "any", null },
    };

    [PackedPackagesTheory]
    [MemberData(nameof(Platforms))]
    public void Each_platform_gets_its_own_package_and_what_it_installs_runs_there(string platform, string package, string? interpreter)
    {
        var packages = Environment.GetEnvironmentVariable(PackedTool.PackagesVariable)!;
        using var area = TestUser.CreateCurrent();

        var installed = Install(packages, platform, area);

        Assert.Equal(package, installed.ChosenRid);
        Assert.Equal(package, BreadthFirstChoice(platform, PointerRids(packages)));
        if (interpreter is not null)
        {
            Assert.Equal(Path.Combine(installed.PackageDirectory, "tools", "any", package, "uvshim"), installed.Target);
            Assert.Equal(interpreter, ElfFile.Interpreter(installed.Target));
        }
        else
        {
            // Framework-dependent: the installing SDK writes its own launcher for uvshim.dll (on Alpine, a musl one).
            Assert.Null(installed.Link);
            Assert.True(File.Exists(Path.Combine(installed.PackageDirectory, "tools", "net10.0", package, "uvshim.dll")), installed.PackageDirectory);
        }
    }

    [PackedPackagesFact]
    public void Without_their_own_packages_the_musl_platforms_would_get_the_glibc_binaries()
    {
        var rids = PointerRids(Environment.GetEnvironmentVariable(PackedTool.PackagesVariable)!);
        var glibcOnly = rids.Where(rid => !rid.StartsWith("linux-musl", StringComparison.Ordinal)).ToList();

        Assert.Contains("linux-musl-x64", rids);
        Assert.Contains("linux-musl", rids);
        Assert.Equal("linux-x64", BreadthFirstChoice("linux-musl-x64", glibcOnly));
        Assert.Equal("linux-arm64", BreadthFirstChoice("linux-musl-arm64", glibcOnly));
    }

    internal sealed record Installation(string ChosenRid, string? Link, string Target, string PackageDirectory);

    /// <summary>Installs the packed tool as <paramref name="platform"/> would, into a private tool path and package cache.</summary>
    internal Installation Install(string packages, string platform, TestUser area)
    {
        var tools = Path.Combine(area.Scratch, "tools");
        var version = PackedTool.PointerVersion(packages);
        var result = PackedTool.Dotnet(
            ["tool", "install", "uvshim", "--tool-path", tools, "--source", packages, "--version", version, "-v", "d"],
            RepositoryRoot.Path,
            ("NUGET_PACKAGES", Path.Combine(area.Scratch, "nuget")),
            ("DOTNET_CLI_HOME", Path.Combine(area.Scratch, "cli-home")),
            ("DOTNET_RUNTIME_ID", platform));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Target RID: {platform}", result.StandardOutput);
        var chosen = BestMatchingRid().Match(result.StandardOutput);
        Assert.True(chosen.Success, result.StandardOutput);
        var rid = chosen.Groups[1].Value.Trim();
        output.WriteLine($"{platform}: {rid}");

        var shim = Path.Combine(tools, "uvshim");
        var link = new FileInfo(shim).LinkTarget;
        var packageDirectory = Path.Combine(tools, ".store", "uvshim", version, $"uvshim.{rid}", version);
        return new Installation(rid, link, link is null ? shim : Path.GetFullPath(link, tools), packageDirectory);
    }

    private static List<string> PointerRids(string packages)
    {
        var version = PackedTool.PointerVersion(packages);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packages, $"uvshim.{version}.nupkg"));
        var settings = System.Xml.Linq.XDocument.Load(zip.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open()).Root!;
        return settings.Descendants("RuntimeIdentifierPackage").Select(e => (string)e.Attribute("RuntimeIdentifier")!).ToList();
    }

    /// <summary>The first of <paramref name="available"/> in a breadth-first walk of the SDK's portable RID graph from <paramref name="rid"/>.</summary>
    private static string? BreadthFirstChoice(string rid, IReadOnlyCollection<string> available)
    {
        using var graph = JsonDocument.Parse(File.ReadAllText(SdkRidGraph.Value));
        var runtimes = graph.RootElement.GetProperty("runtimes");
        var queue = new Queue<string>([rid]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { rid };
        while (queue.TryDequeue(out var next))
        {
            if (available.Contains(next))
                return next;
            if (!runtimes.TryGetProperty(next, out var entry) || !entry.TryGetProperty("#import", out var imports))
                continue;
            foreach (var imported in imports.EnumerateArray().Select(i => i.GetString()!))
            {
                if (seen.Add(imported))
                    queue.Enqueue(imported);
            }
        }
        return null;
    }

    private static readonly Lazy<string> SdkRidGraph = new(() =>
    {
        var info = PackedTool.Dotnet(["--info"], RepositoryRoot.Path);
        var basePath = SdkBasePath().Match(info.StandardOutput);
        Assert.True(basePath.Success, info.ToString());
        var graph = Path.Combine(basePath.Groups[1].Value.Trim(), "PortableRuntimeIdentifierGraph.json");
        Assert.True(File.Exists(graph), graph);
        return graph;
    });

    [GeneratedRegex(@"Best matching RID: (\S+)")]
    private static partial Regex BestMatchingRid();

    [GeneratedRegex(@"(?m)^\s*Base Path:\s*(.+)$")]
    private static partial Regex SdkBasePath();
}
