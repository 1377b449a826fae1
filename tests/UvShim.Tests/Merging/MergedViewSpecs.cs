using UvShim.Merging;

namespace UvShim.Tests.Merging;

public class MergedViewSpecs
{
    private static InstalledPackage P(string name, string version, string? editable = null) => new(name, version, null, null, editable);

    [Fact]
    public void A_package_in_both_sites_is_listed_once_with_the_user_sites_version()
    {
        var merged = MergedList.Merge([P("requests", "2.32.0"), P("zeta", "1.0")], [P("requests", "2.28.1"), P("anyio", "4.0.0")]);

        Assert.Equal(["anyio 4.0.0", "requests 2.32.0", "zeta 1.0"], merged.Select(p => $"{p.Name} {p.Version}"));
    }

    [Fact]
    public void Columns_are_padded_to_the_widest_cell_and_trimmed_as_uv_prints_them()
    {
        var text = PackageListFormat.Render([P("anyio", "4.0.0"), P("uvshim-demo", "1.0")], "columns", outdated: false);

        Assert.Equal("Package     Version\n----------- -------\nanyio       4.0.0\nuvshim-demo 1.0\n", text);
    }

    [Fact]
    public void An_editable_adds_uvs_editable_project_location_column()
    {
        var text = PackageListFormat.Render([P("a", "1"), P("bb", "2", "/src/bb")], "columns", outdated: false);

        Assert.Equal("Package Version Editable project location\n------- ------- -------------------------\na       1\nbb      2       /src/bb\n", text);
    }

    [Fact]
    public void Json_and_freeze_formats_follow_uv()
    {
        IReadOnlyList<InstalledPackage> packages = [P("a", "1"), new("b", "2", "3", "wheel", null)];

        Assert.Equal("[{\"name\":\"a\",\"version\":\"1\"},{\"name\":\"b\",\"version\":\"2\",\"latest_version\":\"3\",\"latest_filetype\":\"wheel\"}]\n",
            PackageListFormat.Render(packages, "json", outdated: false));
        Assert.Equal("a==1\nb==2\n", PackageListFormat.Render(packages, "freeze", outdated: false));
        Assert.Equal("", PackageListFormat.Render([], "columns", outdated: false));
    }

    [Fact]
    public void Json_from_uv_reads_back_with_its_optional_fields()
    {
        var parsed = PackageListJson.Parse("[{\"name\":\"x\",\"version\":\"1\",\"editable_project_location\":\"/p\"}]");

        Assert.Equal([P("x", "1", "/p")], parsed);
    }

    [Fact]
    public void Freeze_lines_merge_by_package_with_the_user_line_first()
    {
        var merged = MergedFreeze.Merge(["Requests==2.32.0", "-e file:///src/mytool"], ["requests==2.28.1", "anyio @ file:///w/anyio.whl"]);

        Assert.Equal(["anyio @ file:///w/anyio.whl", "-e file:///src/mytool", "Requests==2.32.0"], merged);
    }
}
