using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>--config-file, --no-config, --isolated, --project and the command kind (uv 0.12.5, crates/uv/src/lib.rs L149–358).</summary>
public sealed class SwitchesSpecs
{
    private static readonly Dictionary<string, string> AllLevels = new()
    {
        ["here/uv.toml"] = "[pip]\nsystem = true\n",
        ["home/.config/uv/uv.toml"] = "[pip]\npython = \"user\"\n",
        ["etc/uv/uv.toml"] = "[pip]\nprefix = \"/system/prefix\"\n",
        ["alt/custom.toml"] = "[pip]\ntarget = \"out\"\n",
    };

    private static readonly ConfigTable Table = new(
        new("--config-file replaces the project, user and system files")
        {
            Files = AllLevels,
            Inputs = new() { ConfigFile = "{root}/alt/custom.toml" },
            Expect = { [UvPipKey.Target] = ("{root}/here/out", "alt/custom.toml") },
            ExpectFiles = ["alt/custom.toml"],
        },
        new("A relative --config-file is relative to the working directory")
        {
            Files = { ["here/conf/uv.toml"] = "[pip]\nsystem = true\n" },
            Inputs = new() { ConfigFile = "conf/uv.toml" },
            Expect = { [UvPipKey.System] = (true, "here/conf/uv.toml") },
        },
        new("UV_CONFIG_FILE does what --config-file does")
        {
            Files = AllLevels,
            Env = { ["UV_CONFIG_FILE"] = "{root}/alt/custom.toml" },
            Expect = { [UvPipKey.Target] = ("{root}/here/out", "alt/custom.toml") },
        },
        new("--config-file wins over UV_CONFIG_FILE")
        {
            Files = { ["alt/custom.toml"] = "[pip]\nsystem = true\n", ["alt/other.toml"] = "[pip]\nsystem = false\n" },
            Inputs = new() { ConfigFile = "{root}/alt/custom.toml" },
            Env = { ["UV_CONFIG_FILE"] = "{root}/alt/other.toml" },
            Expect = { [UvPipKey.System] = (true, "alt/custom.toml") },
        },
        new("--config-file is still read under --no-config")
        {
            Files = AllLevels,
            Inputs = new() { ConfigFile = "{root}/alt/custom.toml", NoConfig = true },
            Expect = { [UvPipKey.Target] = ("{root}/here/out", "alt/custom.toml") },
        },
        new("--no-config reads no file at all")
        {
            Files = AllLevels,
            Inputs = new() { NoConfig = true },
            ExpectFiles = [],
        },
        new("UV_NO_CONFIG=1 reads no file at all")
        {
            Files = AllLevels,
            Env = { ["UV_NO_CONFIG"] = "1" },
        },
        new("UV_NO_CONFIG takes clap's boolish words, any case")
        {
            Files = AllLevels,
            Env = { ["UV_NO_CONFIG"] = "On" },
        },
        new("UV_NO_CONFIG=false reads the files as usual")
        {
            Files = AllLevels,
            Env = { ["UV_NO_CONFIG"] = "false" },
            Expect =
            {
                [UvPipKey.System] = (true, "here/uv.toml"),
                [UvPipKey.Python] = ("user", "home/.config/uv/uv.toml"),
                [UvPipKey.Prefix] = ("/system/prefix", "etc/uv/uv.toml"),
            },
        },
        new("UV_NO_CONFIG is not read when --no-config is given")
        {
            Files = AllLevels,
            Inputs = new() { NoConfig = true },
            Env = { ["UV_NO_CONFIG"] = "maybe" },
        },
        new("The deprecated --isolated disables discovery for uv pip")
        {
            Files = AllLevels,
            Inputs = new() { Isolated = true, Command = UvCommandKind.Pip },
        },
        new("--isolated has no effect on config for project commands")
        {
            Files = AllLevels,
            Inputs = new() { Isolated = true, Command = UvCommandKind.Project },
            Expect =
            {
                [UvPipKey.System] = (true, "here/uv.toml"),
                [UvPipKey.Python] = ("user", "home/.config/uv/uv.toml"),
                [UvPipKey.Prefix] = ("/system/prefix", "etc/uv/uv.toml"),
            },
        },
        new("uv tool and uv self read only the user and system files")
        {
            Files = AllLevels,
            Inputs = new() { Command = UvCommandKind.ToolOrSelf },
            Expect =
            {
                [UvPipKey.Python] = ("user", "home/.config/uv/uv.toml"),
                [UvPipKey.Prefix] = ("/system/prefix", "etc/uv/uv.toml"),
            },
        },
        new("--project moves discovery but relative paths stay relative to the working directory")
        {
            Files =
            {
                ["here/uv.toml"] = "[pip]\nsystem = true\n",
                ["other/uv.toml"] = "[pip]\ntarget = \"t\"\n",
            },
            Inputs = new() { Project = "../other" },
            Expect = { [UvPipKey.Target] = ("{root}/here/t", "other/uv.toml") },
        },
        new("--project may name the pyproject.toml itself")
        {
            Files = { ["other/pyproject.toml"] = "[tool.uv.pip]\nsystem = true\n" },
            Inputs = new() { Project = "{root}/other/pyproject.toml" },
            Expect = { [UvPipKey.System] = (true, "other/pyproject.toml") },
        },
        new("UV_PROJECT does what --project does")
        {
            Files = { ["other/uv.toml"] = "[pip]\nsystem = true\n" },
            Env = { ["UV_PROJECT"] = "{root}/other" },
            Expect = { [UvPipKey.System] = (true, "other/uv.toml") },
        });

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Command_line_and_variables_choose_the_files_as_uv_does(string row) => Table.Check(row);
}
