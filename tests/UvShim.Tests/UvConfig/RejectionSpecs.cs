using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>Where uv itself stops with an error, uvshim reports Unreadable instead of throwing or guessing.</summary>
public sealed class RejectionSpecs
{
    private static readonly ConfigTable Table = new(
        new("A uv.toml that is not valid TOML is unreadable")
        {
            Files = { ["here/uv.toml"] = "[pip\nsystem = true\n" },
            ExpectUnreadable = "here/uv.toml",
        },
        new("A boolean given as a string is unreadable")
        {
            Files = { ["here/uv.toml"] = "[pip]\nsystem = \"yes\"\n" },
            ExpectUnreadable = "here/uv.toml",
        },
        new("A path given as a number is unreadable")
        {
            Files = { ["here/uv.toml"] = "[pip]\ntarget = 1\n" },
            ExpectUnreadable = "here/uv.toml",
        },
        new("A pip key that is not a table is unreadable")
        {
            Files = { ["here/uv.toml"] = "pip = \"x\"\n" },
            ExpectUnreadable = "here/uv.toml",
        },
        new("A key given twice is unreadable")
        {
            Files = { ["here/uv.toml"] = "[pip]\nsystem = true\nsystem = false\n" },
            ExpectUnreadable = "here/uv.toml",
        },
        new("A pyproject-only field in uv.toml is unreadable")
        {
            Files = { ["here/uv.toml"] = "managed = true\n" },
            ExpectUnreadable = "here/uv.toml",
        },
        new("A broken uv.toml in a parent is unreadable, being the nearest config")
        {
            Files = { ["uv.toml"] = "[pip]\npython = 3.12\n" },
            Cwd = "here/sub",
            ExpectUnreadable = "uv.toml",
        },
        new("A directory named uv.toml is unreadable")
        {
            Files = { ["here/uv.toml/"] = "" },
            ExpectUnreadable = "here/uv.toml",
        },
        new("A broken user file is unreadable")
        {
            Files = { ["home/.config/uv/uv.toml"] = "[pip]\nsystem = yes\n" },
            ExpectUnreadable = "home/.config/uv/uv.toml",
        },
        new("A broken system file is unreadable")
        {
            Files = { ["etc/uv/uv.toml"] = "[pip]\nbreak-system-packages = \"true\"\n" },
            ExpectUnreadable = "etc/uv/uv.toml",
        },
        new("A broken system file is not read under UV_NO_SYSTEM_CONFIG")
        {
            Files = { ["etc/uv/uv.toml"] = "[pip\n" },
            Env = { ["UV_NO_SYSTEM_CONFIG"] = "true" },
        },
        new("A missing --config-file is unreadable")
        {
            Inputs = new() { ConfigFile = "{root}/nowhere.toml" },
            ExpectUnreadable = "nowhere.toml",
        },
        new("A pyproject.toml given as --config-file is unreadable")
        {
            Files = { ["here/pyproject.toml"] = "[project]\nname = \"a\"\nversion = \"1\"\n" },
            Inputs = new() { ConfigFile = "pyproject.toml" },
            ExpectUnreadable = "here/pyproject.toml",
        },
        new("An empty UV_CONFIG_FILE is rejected as clap does")
        {
            Env = { ["UV_CONFIG_FILE"] = "" },
            ExpectUnreadable = "UV_CONFIG_FILE",
        },
        new("A UV_NO_CONFIG that is not boolish is rejected as clap does")
        {
            Env = { ["UV_NO_CONFIG"] = "maybe" },
            ExpectUnreadable = "UV_NO_CONFIG",
        },
        new("A UV_NO_SYSTEM_CONFIG that is not boolish is rejected as uv does")
        {
            Env = { ["UV_NO_SYSTEM_CONFIG"] = "" },
            ExpectUnreadable = "UV_NO_SYSTEM_CONFIG",
        },
        new("A --project that does not exist is rejected as uv does")
        {
            Inputs = new() { Project = "missing" },
            ExpectUnreadable = "here/missing",
        });

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void What_uv_refuses_is_reported_not_thrown(string row) => Table.Check(row);

    [Fact]
    public void A_pyproject_toml_that_is_not_UTF_8_is_unreadable_because_uv_cannot_read_it()
    {
        using var tree = new ConfigTree();
        var here = tree.Path("here");
        Directory.CreateDirectory(here);
        File.WriteAllBytes(Path.Combine(here, "pyproject.toml"), [.. "name = \""u8, 0xC3, 0x28, .. "\"\n"u8]);

        var result = UvConfigDiscovery.Load(here, UvConfigInputs.None, tree.Environment(new Dictionary<string, string?>()), tree.Host());

        Assert.Equal(Path.Combine(here, "pyproject.toml"), Assert.IsType<UvConfigResult.Unreadable>(result).Path);
    }
}
