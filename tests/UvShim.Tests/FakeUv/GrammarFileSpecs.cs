using System.Runtime.Versioning;
using System.Text;
using UvShim.FakeUv.Grammar;
using static UvShim.Tests.FakeUv.StrictParse;

namespace UvShim.Tests.FakeUv;

/// <summary>Reading the grammar file: lazily, one command at a time, and refusing what the parser would misread.</summary>
[SupportedOSPlatform("linux")]
public class GrammarFileSpecs
{
    private static GrammarFile File(string root, int formatVersion = 1) =>
        UvGrammar.Read(Encoding.UTF8.GetBytes($$"""{ "formatVersion": {{formatVersion}}, "uvVersion": "9.9.9", "source": "test", "root": {{root}} }"""));

    private const string Root = """
        { "name": "uv", "args": [ { "id": "quiet", "long": "quiet", "short": "q", "action": "count", "global": true } ],
          "subcommands": [
            { "name": "good", "aliases": ["g"], "args": [ { "id": "x", "long": "x", "action": "set", "takesValue": true } ] },
            { "name": "broken", "hidden": true, "args": [ { "id": "y", "long": "y", "action": "teleport" } ] },
            { "name": "odd", "settings": { "allowHyphenValues": true } }
          ] }
        """;

    [Fact]
    public void Names_aliases_and_visibility_are_known_before_any_command_is_read()
    {
        var root = ClapCommand.Build(File(Root).Root);

        Assert.Equal([("good", false), ("broken", true), ("odd", false)], root.SubcommandNames);
        Assert.Equal(["good", "g", "broken", "odd"], root.AllSubcommandNames);
    }

    [Fact]
    public void A_command_is_read_when_the_parser_reaches_it()
    {
        var root = ClapCommand.Build(File(Root).Root);

        Assert.Equal(Accepted, Outcome(root, "-q g --x 1 -q"));
        var error = Assert.Throws<InvalidDataException>(() => Parse(root, "broken"));
        Assert.Contains("unknown action `teleport`", error.Message);
    }

    [Fact]
    public void Settings_the_parser_does_not_model_refuse_to_load()
    {
        var root = ClapCommand.Build(File(Root).Root);

        var error = Assert.Throws<NotSupportedException>(() => Parse(root, "odd"));
        Assert.Contains("allowHyphenValues", error.Message);
    }

    [Fact]
    public void Another_format_version_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => File(Root, formatVersion: 2));

        Assert.Contains("formatVersion 2", error.Message);
    }
}
