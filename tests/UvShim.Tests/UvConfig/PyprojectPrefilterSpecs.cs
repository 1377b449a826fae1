using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

public sealed class PyprojectPrefilterSpecs
{
    [Theory]
    [InlineData("[tool.uv]\n")]
    [InlineData("[tool.uv.pip]\nsystem = true\n")]
    [InlineData("[ tool . uv ]\n")]
    [InlineData("[tool.\"uv\"]\n")]
    [InlineData("[\"tool\".'uv']\n")]
    [InlineData("[tool]\nuv = { pip = { system = true } }\n")]
    [InlineData("tool.uv.pip.system = true\n")]
    [InlineData("tool = { uv = {} }\n")]
    [InlineData("[tool.\"\\u0075v\"]\n")]
    [InlineData("[tool.\"\\U00000075v\"]\n")]
    [InlineData("[tool.\"\\x75v\"]\n")]
    [InlineData("[\"\\u0074ool\".uv]\n")]
    public void Every_spelling_of_a_tool_uv_key_is_kept_for_parsing(string text) =>
        Assert.True(PyprojectPrefilter.MayHaveToolUv(text));

    [Theory]
    [InlineData("")]
    [InlineData("[project]\nname = \"app\"\ndependencies = [\"uvicorn\", \"uvloop\"]\n")]
    [InlineData("[build-system]\nrequires = [\"uv_build>=0.8\"]\nbuild-backend = \"uv_build\"\n")]
    [InlineData("[tool.ruff]\nline-length = 100\n")]
    [InlineData("[tool.uvx]\nuv_version = 1\n")]
    [InlineData("[tooling]\nuv-version = 1\n")]
    public void A_file_without_both_words_standing_alone_is_ruled_out(string text) =>
        Assert.False(PyprojectPrefilter.MayHaveToolUv(text));
}
