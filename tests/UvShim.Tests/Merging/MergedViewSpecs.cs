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
    public void Freeze_lines_merge_by_package_name_the_user_site_shadowing_the_system()
    {
        var merged = MergedFreeze.Merge(
            [new("requests==2.32.0", "requests"), new("-e file:///src/mytool", "uvshim-tool")],
            [new("requests==2.28.1", "requests"), new("anyio @ file:///w/anyio.whl", "anyio"), new("uvshim-tool==0.9", "uvshim-tool")],
            new HashSet<string> { "requests", "uvshim-tool" });

        Assert.Equal(["anyio @ file:///w/anyio.whl", "requests==2.32.0", "-e file:///src/mytool"], merged);
    }

    [Fact]
    public void A_system_package_shadowed_by_the_user_site_is_left_out_even_when_the_user_freeze_leaves_it_out()
    {
        // --exclude-editable drops the user's editable copy; on sys.path it still hides the system's.
        var merged = MergedFreeze.Merge([], [new("uvshim-tool==0.9", "uvshim-tool"), new("zeta==1", "zeta")], new HashSet<string> { "uvshim-tool" });

        Assert.Equal(["zeta==1"], merged);
    }

    [Fact]
    public void An_editable_line_no_installed_package_claims_is_kept()
    {
        var merged = MergedFreeze.Merge([], [new("-e file:///src/uvshim-tool", null)], new HashSet<string> { "uvshim-tool" });

        Assert.Equal(["-e file:///src/uvshim-tool"], merged);
    }
}
