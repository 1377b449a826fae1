using UvShim.Planning;

namespace UvShim.Tests.Planning;

public sealed class PackageNameSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("uvshim-names-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("Uvshim_Demo", "uvshim-demo")]
    [InlineData("a.b--c__d", "a-b-c-d")]
    [InlineData("requests", "requests")]
    public void Names_are_normalized_as_PEP_503_says(string name, string expected) =>
        Assert.Equal(expected, PackageName.Normalize(name));

    [Fact]
    public void A_site_directory_lists_its_dist_info_and_egg_info_names()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "uvshim_demo-1.0.dist-info"));
        Directory.CreateDirectory(Path.Combine(_dir, "Old.Pkg-0.1-py3.11.egg-info"));
        Directory.CreateDirectory(Path.Combine(_dir, "uvshim_demo"));

        Assert.Equal(["old-pkg", "uvshim-demo"], PackageName.InstalledIn(_dir).Order());
    }

    [Fact]
    public void A_requirements_file_yields_its_names_and_skips_options_and_comments()
    {
        var file = Path.Combine(_dir, "r.txt");
        File.WriteAllText(file, "# comment\n-r other.txt\nRequests[socks]>=2 ; python_version > '3'\nuvshim_demo==1.0 # pinned\n\n--hash=sha256:00\nanyio @ file:///x.whl\n");

        Assert.Equal(["requests", "uvshim-demo", "anyio"], PackageName.InRequirementsFile(file));
    }
}
