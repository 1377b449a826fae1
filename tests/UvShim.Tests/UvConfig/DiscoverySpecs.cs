using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>Where uv finds its files and how their [pip] values combine (uv 0.12.5, crates/uv-settings/src/lib.rs, combine.rs).</summary>
public sealed class DiscoverySpecs
{
    private const string Project = """
        [project]
        name = "app"
        version = "1.0"

        """;

    private static readonly ConfigTable Table = new(
        new("No files at all give empty settings")
        {
            ExpectFiles = [],
        },
        new("A uv.toml in the working directory is read")
        {
            Files = { ["here/uv.toml"] = "[pip]\nsystem = true\n" },
            Expect = { [UvPipKey.System] = (true, "here/uv.toml") },
            ExpectFiles = ["here/uv.toml"],
        },
        new("A pyproject.toml's [tool.uv.pip] in a parent directory is read")
        {
            Files = { ["pyproject.toml"] = "[tool.uv.pip]\npython = \"3.12\"\n" },
            Cwd = "here/sub",
            Expect = { [UvPipKey.Python] = ("3.12", "pyproject.toml") },
        },
        new("A uv.toml wins over the pyproject.toml in the same directory, which is not merged in")
        {
            Files =
            {
                ["here/uv.toml"] = "[pip]\npython = \"/opt/py/bin/python3\"\n",
                ["here/pyproject.toml"] = "[tool.uv.pip]\nsystem = true\npython = \"3.11\"\n",
            },
            Expect = { [UvPipKey.Python] = ("/opt/py/bin/python3", "here/uv.toml") },
        },
        new("The nearest directory with a config file wins and the walk stops there")
        {
            Files =
            {
                ["uv.toml"] = "[pip]\ntarget = \"/opt/target\"\nsystem = false\n",
                ["here/uv.toml"] = "[pip]\nsystem = true\n",
            },
            Expect = { [UvPipKey.System] = (true, "here/uv.toml") },
            ExpectFiles = ["here/uv.toml"],
        },
        new("A [tool.uv] table without [pip] still stops the walk")
        {
            Files =
            {
                ["uv.toml"] = "[pip]\nsystem = true\n",
                ["here/pyproject.toml"] = "[tool.uv]\nnative-tls = true\n",
            },
            ExpectFiles = ["here/pyproject.toml"],
        },
        new("A pyproject.toml without [tool.uv] is passed over")
        {
            Files =
            {
                ["uv.toml"] = "[pip]\nsystem = true\n",
                ["here/pyproject.toml"] = Project + "[build-system]\nrequires = [\"uv_build>=0.8\"]\nbuild-backend = \"uv_build\"\n\n[tool.ruff]\nline-length = 100\n",
            },
            Expect = { [UvPipKey.System] = (true, "uv.toml") },
        },
        new("A pyproject.toml that cannot hold [tool.uv] is passed over without being parsed")
        {
            Files =
            {
                ["uv.toml"] = "[pip]\nsystem = true\n",
                ["here/pyproject.toml"] = "[project\nname = = \"uvicorn-app\"\n",
            },
            Expect = { [UvPipKey.System] = (true, "uv.toml") },
        },
        new("A pyproject.toml that does not parse is skipped with a warning, as uv does")
        {
            Files =
            {
                ["uv.toml"] = "[pip]\nsystem = true\n",
                ["here/pyproject.toml"] = "[tool.uv\nx = 1\n",
            },
            Expect = { [UvPipKey.System] = (true, "uv.toml") },
            ExpectWarnings = ["here/pyproject.toml"],
        },
        new("A wrong type in [tool.uv.pip] makes uv skip that pyproject.toml with a warning")
        {
            Files =
            {
                ["uv.toml"] = "[pip]\npython = \"3.13\"\n",
                ["here/pyproject.toml"] = "[tool.uv.pip]\nsystem = \"yes\"\n",
            },
            Expect = { [UvPipKey.Python] = ("3.13", "uv.toml") },
            ExpectWarnings = ["here/pyproject.toml"],
        },
        new("Dotted keys under [tool] are a [tool.uv] table too")
        {
            Files = { ["here/pyproject.toml"] = "[tool]\nuv.pip.system = true\n" },
            Expect = { [UvPipKey.System] = (true, "here/pyproject.toml") },
        },
        new("A key spelled with a unicode escape is still found")
        {
            Files = { ["here/pyproject.toml"] = "[tool.\"\\u0075v\".pip]\nsystem = true\n" },
            Expect = { [UvPipKey.System] = (true, "here/pyproject.toml") },
        },
        new("TOML 1.1 inline tables spanning lines are accepted")
        {
            Files = { ["here/uv.toml"] = "pip = {\n  system = true,\n  prefix = \"/opt/p\",\n}\n" },
            Expect = { [UvPipKey.System] = (true, "here/uv.toml"), [UvPipKey.Prefix] = ("/opt/p", "here/uv.toml") },
        },
        new("The user file is read from XDG_CONFIG_HOME")
        {
            Files = { ["xdg-home/uv/uv.toml"] = "[pip]\nbreak-system-packages = true\n" },
            Env = { ["XDG_CONFIG_HOME"] = "{root}/xdg-home" },
            Expect = { [UvPipKey.BreakSystemPackages] = (true, "xdg-home/uv/uv.toml") },
        },
        new("The user file is read from ~/.config when XDG_CONFIG_HOME is unset")
        {
            Files = { ["home/.config/uv/uv.toml"] = "[pip]\nsystem = true\n" },
            Expect = { [UvPipKey.System] = (true, "home/.config/uv/uv.toml") },
        },
        new("A relative XDG_CONFIG_HOME is ignored in favour of ~/.config")
        {
            Files =
            {
                ["home/.config/uv/uv.toml"] = "[pip]\nsystem = true\n",
                ["here/xdg-home/uv/uv.toml"] = "[pip]\nsystem = false\n",
            },
            Env = { ["XDG_CONFIG_HOME"] = "xdg-home" },
            Expect = { [UvPipKey.System] = (true, "home/.config/uv/uv.toml") },
        },
        new("Without a home directory there is no user file, even with XDG_CONFIG_HOME set")
        {
            Files = { ["xdg-home/uv/uv.toml"] = "[pip]\nsystem = true\n" },
            Env = { ["HOME"] = null, ["XDG_CONFIG_HOME"] = "{root}/xdg-home" },
        },
        new("The system file is the first XDG_CONFIG_DIRS entry that has one")
        {
            Files =
            {
                ["xdg-b/uv/uv.toml"] = "[pip]\npython = \"b\"\n",
                ["xdg-c/uv/uv.toml"] = "[pip]\npython = \"c\"\n",
                ["etc/uv/uv.toml"] = "[pip]\npython = \"etc\"\n",
            },
            Env = { ["XDG_CONFIG_DIRS"] = "{root}/xdg-a:{root}/xdg-b:{root}/xdg-c" },
            Expect = { [UvPipKey.Python] = ("b", "xdg-b/uv/uv.toml") },
        },
        new("XDG_CONFIG_DIRS ends at an empty entry and /etc/uv/uv.toml is the fallback")
        {
            Files =
            {
                ["xdg-b/uv/uv.toml"] = "[pip]\npython = \"b\"\n",
                ["etc/uv/uv.toml"] = "[pip]\npython = \"etc\"\n",
            },
            Env = { ["XDG_CONFIG_DIRS"] = "{root}/xdg-a::{root}/xdg-b" },
            Expect = { [UvPipKey.Python] = ("etc", "etc/uv/uv.toml") },
        },
        new("UV_NO_SYSTEM_CONFIG skips the system file only")
        {
            Files =
            {
                ["etc/uv/uv.toml"] = "[pip]\nsystem = true\n",
                ["home/.config/uv/uv.toml"] = "[pip]\npython = \"3.12\"\n",
            },
            Env = { ["UV_NO_SYSTEM_CONFIG"] = "1" },
            Expect = { [UvPipKey.Python] = ("3.12", "home/.config/uv/uv.toml") },
        },
        new("Each key is taken from the project file, else the user file, else the system file")
        {
            Files =
            {
                ["here/uv.toml"] = "[pip]\nsystem = true\n",
                ["home/.config/uv/uv.toml"] = "[pip]\nsystem = false\npython = \"user\"\ntarget = \"/user/target\"\n",
                ["etc/uv/uv.toml"] = "[pip]\npython = \"system\"\nprefix = \"/system/prefix\"\nbreak-system-packages = true\n",
            },
            Expect =
            {
                [UvPipKey.System] = (true, "here/uv.toml"),
                [UvPipKey.Python] = ("user", "home/.config/uv/uv.toml"),
                [UvPipKey.Target] = ("/user/target", "home/.config/uv/uv.toml"),
                [UvPipKey.Prefix] = ("/system/prefix", "etc/uv/uv.toml"),
                [UvPipKey.BreakSystemPackages] = (true, "etc/uv/uv.toml"),
            },
            ExpectFiles = ["here/uv.toml", "home/.config/uv/uv.toml", "etc/uv/uv.toml"],
        },
        new("Relative target and prefix are relative to the working directory, not to the file")
        {
            Files = { ["uv.toml"] = "[pip]\ntarget = \"lib\"\nprefix = \"../pfx\"\n" },
            Cwd = "here/sub",
            Expect =
            {
                [UvPipKey.Target] = ("{root}/here/sub/lib", "uv.toml"),
                [UvPipKey.Prefix] = ("{root}/here/sub/../pfx", "uv.toml"),
            },
        },
        new("A relative python value is kept as written, like a --python value")
        {
            Files = { ["uv.toml"] = "[pip]\npython = \".venv/bin/python\"\n" },
            Expect = { [UvPipKey.Python] = (".venv/bin/python", "uv.toml") },
        });

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Files_are_found_and_combined_as_uv_does(string row) => Table.Check(row);
}
