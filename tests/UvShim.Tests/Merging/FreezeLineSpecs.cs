using UvShim.Merging;

namespace UvShim.Tests.Merging;

/// <summary>
/// The package of each <c>uv pip freeze</c> line: the name a requirement line starts with, or for <c>-e</c> the
/// installed distribution whose <c>direct_url.json</c> (or legacy <c>.egg-link</c>) points there
/// (uv 0.12.5 crates/uv/src/commands/pip/freeze.rs, crates/uv-distribution-types/src/installed.rs).
/// </summary>
public sealed class FreezeLineSpecs : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("uvshim-freeze-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private void DistInfo(string name, string? directUrl)
    {
        var distInfo = Directory.CreateDirectory(Path.Combine(_site, name)).FullName;
        if (directUrl is not null)
            File.WriteAllText(Path.Combine(distInfo, "direct_url.json"), directUrl);
    }

    private List<FreezeLine> Read(string output) => FreezeLine.Read(output, () => EditableNames.In([_site]));

    [Fact]
    public void Requirement_lines_name_their_package()
    {
        var lines = Read("Requests==2.32.0\nanyio @ file:///w/anyio-4.0-py3-none-any.whl\n");

        Assert.Equal(["requests", "anyio"], lines.Select(l => l.Name));
    }

    [Fact]
    public void An_editable_line_is_named_by_the_dist_info_that_points_there()
    {
        DistInfo("uvshim_tool-0.1.dist-info", """{"url": "file:///src/my%20tool", "dir_info": {"editable": true}}""");
        DistInfo("other-1.0.dist-info", """{"url": "file:///src/other", "dir_info": {}}""");
        DistInfo("sub-2.0.dist-info", """{"url": "file:///repo", "dir_info": {"editable": true}, "subdirectory": "pkg"}""");

        var lines = Read("-e file:///src/my%20tool\n-e file:///src/other\n-e file:///repo#subdirectory=pkg\n");

        Assert.Equal(["uvshim-tool", null, "sub"], lines.Select(l => l.Name));
    }

    [Fact]
    public void A_legacy_editable_is_named_by_its_egg_link()
    {
        File.WriteAllText(Path.Combine(_site, "Legacy_Pkg.egg-link"), "\n/src/legacy\n.\n");

        var lines = Read("-e /src/legacy\n");

        Assert.Equal("legacy-pkg", Assert.Single(lines).Name);
    }

    [Fact]
    public void The_site_is_read_only_when_an_editable_line_needs_it()
    {
        var read = 0;

        FreezeLine.Read("a==1\nb @ file:///b.whl\n", () => { read++; return []; });

        Assert.Equal(0, read);
    }
}
