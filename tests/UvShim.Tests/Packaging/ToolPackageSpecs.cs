using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Xml.Linq;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit.Abstractions;

namespace UvShim.Tests.Packaging;

/// <summary>
/// The packed artifacts as a user meets them: <c>dotnet tool install</c>, <c>update</c> and <c>uninstall</c> with
/// <c>--tool-path</c> into a temporary directory, and the metadata a package registry shows.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ToolPackageSpecs(PackedTool packed, ITestOutputHelper output) : IClassFixture<PackedTool>
{
    private const string ProjectUrl = "https://github.com/uvshim/uvshim";

    [LinuxFact]
    public void The_packed_tool_installs_updates_to_a_newer_version_and_uninstalls_with_a_tool_path()
    {
        // Arrange: a private package cache, so an older uvshim of the same version in ~/.nuget/packages is never used,
        // and --source, so only the packed packages are sources.
        using var area = TestUser.CreateCurrent();
        var tools = Path.Combine(area.Scratch, "tools");
        var cache = (Name: "NUGET_PACKAGES", Value: Path.Combine(area.Scratch, "nuget"));
        var cliHome = (Name: "DOTNET_CLI_HOME", Value: Path.Combine(area.Scratch, "cli-home"));
        var shim = Path.Combine(tools, "uvshim");
        output.WriteLine($"packing took {packed.PackingTime.TotalSeconds:0.0} s; {packed.Version} from {packed.Packages}, {packed.NextVersion} from {packed.NextPackages}");
        var started = DateTime.UtcNow;

        // Act + Assert: install
        var install = Tool(["install", "uvshim", "--tool-path", tools, "--source", packed.Packages, "--version", packed.Version], cache, cliHome);
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains($"Tool 'uvshim' (version '{packed.Version}') was successfully installed.", install.StandardOutput);
        Assert.Equal($"uvshim {packed.Version}\n", Version(shim));

        // update
        var update = Tool(["update", "uvshim", "--tool-path", tools, "--source", packed.NextPackages], cache, cliHome);
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains($"Tool 'uvshim' was successfully updated from version '{packed.Version}' to version '{packed.NextVersion}'.", update.StandardOutput);
        Assert.Equal($"uvshim {packed.NextVersion}\n", Version(shim));
        var list = Tool(["list", "--tool-path", tools], cache, cliHome);
        Assert.Matches($@"(?m)^uvshim\s+{System.Text.RegularExpressions.Regex.Escape(packed.NextVersion)}\s+uvshim\s*$", list.StandardOutput);

        // uninstall
        var uninstall = Tool(["uninstall", "uvshim", "--tool-path", tools], cache, cliHome);
        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        Assert.Contains($"Tool 'uvshim' (version '{packed.NextVersion}') was successfully uninstalled.", uninstall.StandardOutput);
        Assert.DoesNotContain(shim, Directory.EnumerateFileSystemEntries(tools)); // a dangling link is an entry too
        Assert.False(Directory.Exists(Path.Combine(tools, ".store", "uvshim")), "the tool's store directory is still there");
        Assert.DoesNotContain("uvshim", Tool(["list", "--tool-path", tools], cache, cliHome).StandardOutput);
        output.WriteLine($"install, update, uninstall took {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
    }

    [NativeAotPackagesFact("the NativeAOT package a RID-specific install resolves to")]
    public void On_an_x64_or_arm64_host_the_tool_installs_as_a_link_straight_to_its_NativeAOT_binary()
    {
        // Arrange
        using var area = TestUser.CreateCurrent();
        var tools = Path.Combine(area.Scratch, "tools");
        var cache = (Name: "NUGET_PACKAGES", Value: Path.Combine(area.Scratch, "nuget"));
        var cliHome = (Name: "DOTNET_CLI_HOME", Value: Path.Combine(area.Scratch, "cli-home"));
        var shim = Path.Combine(tools, "uvshim");
        var rid = RuntimeInformation.RuntimeIdentifier;
        Assert.True(File.Exists(Path.Combine(packed.Packages, $"uvshim.{rid}.{packed.Version}.nupkg")), $"no {rid} package in {packed.Packages}");

        // Act
        var install = Tool(["install", "uvshim", "--tool-path", tools, "--source", packed.Packages, "--version", packed.Version], cache, cliHome);

        // Assert: the RID-specific pointer resolves to the NativeAOT package here, installed as a link straight to the binary.
        Assert.True(install.ExitCode == 0, install.ToString());
        var target = new FileInfo(shim).LinkTarget;
        Assert.Equal($".store/uvshim/{packed.Version}/uvshim.{rid}/{packed.Version}/tools/any/{rid}/uvshim", target);
        Assert.Equal($"uvshim {packed.Version}\n", Version(shim));
    }

    public static TheoryData<string> Generations => ["current", "next"];

    [LinuxTheory]
    [MemberData(nameof(Generations))]
    public void Every_package_carries_the_metadata_a_registry_shows(string generation)
    {
        var (directory, version) = generation == "current" ? (packed.Packages, packed.Version) : (packed.NextPackages, packed.NextVersion);
        var packages = Directory.EnumerateFiles(directory, $"uvshim*.{version}.nupkg").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(packages);

        foreach (var package in packages)
        {
            using var zip = ZipFile.OpenRead(package);
            var id = Path.GetFileName(package)[..^$".{version}.nupkg".Length];
            var metadata = Metadata(zip, id);
            string? Text(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Equal(id, Text("id"));
            Assert.Equal(version, Text("version"));
            Assert.Contains("PEP 370 user site", Text("description"));
            var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Equal(("git", ProjectUrl), ((string?)repository.Attribute("type"), (string?)repository.Attribute("url")));
            Assert.Equal(ProjectUrl, Text("projectUrl"));
            Assert.Equal("README.md", Text("readme"));
            Assert.StartsWith("# uvshim", new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd());
            Assert.Superset(new HashSet<string> { "uv", "pip", "python", "pep370" }, Text("tags")!.Split(' ').ToHashSet());
            var packageType = metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")?.Value;
            Assert.Equal(id == "uvshim" ? "DotnetTool" : "DotnetToolRidPackage", packageType);
        }
    }

    [LinuxFact]
    public void The_pointer_package_names_only_runtime_packages_that_were_packed_with_it()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packed.Packages, $"uvshim.{packed.Version}.nupkg"));
        var settings = XDocument.Load(zip.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open()).Root!;

        Assert.Equal("2", (string?)settings.Attribute("Version"));
        var named = settings.Descendants("RuntimeIdentifierPackage").Select(e => (string)e.Attribute("Id")!).ToList();
        Assert.Contains("uvshim.any", named);
        Assert.All(named, id => Assert.True(File.Exists(Path.Combine(packed.Packages, $"{id}.{packed.Version}.nupkg")), $"{id} {packed.Version} is not in {packed.Packages}"));
    }

    [LinuxFact]
    public void The_package_is_described_by_the_project_not_by_a_hand_written_nuspec()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "UvShim");

        Assert.Empty(Directory.EnumerateFiles(project, "*.nuspec"));
        Assert.DoesNotContain("NuspecFile", File.ReadAllText(Path.Combine(project, "UvShim.csproj")));
        Assert.Contains("<PackAsTool>true</PackAsTool>", File.ReadAllText(Path.Combine(project, "UvShim.csproj")));
    }

    private ProcessResult Tool(string[] arguments, params (string Name, string Value)[] environment)
    {
        var result = PackedTool.Dotnet(["tool", .. arguments], RepositoryRoot.Path, environment);
        output.WriteLine($"dotnet tool {string.Join(' ', arguments)}: exit {result.ExitCode}\n{result.StandardOutput.TrimEnd()}");
        return result;
    }

    private static string Version(string shim)
    {
        using var user = TestUser.CreateCurrent();
        var environment = user.Environment();
        environment["DOTNET_ROOT"] = PackedTool.DotnetRoot;
        var result = ShimProcessRunner.Run(user, shim, ["shim", "version"], environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput;
    }

    private static XElement Metadata(ZipArchive zip, string id)
    {
        var entry = zip.Entries.Single(e => e.FullName == id + ".nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}
