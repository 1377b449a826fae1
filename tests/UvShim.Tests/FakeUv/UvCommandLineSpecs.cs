using System.Runtime.Versioning;
using UvShim.FakeUv;
using static UvShim.Tests.FakeUv.StrictParse;

namespace UvShim.Tests.FakeUv;

/// <summary>The command implementations' view of a parsed command line: any spelling of an option, command-line values only.</summary>
[SupportedOSPlatform("linux")]
public class UvCommandLineSpecs
{
    private static UvCommandLine View(string line, params (string Name, string Value)[] environment) =>
        UvCommandLine.Parse(Split(line), Lookup(environment));

    [Theory]
    [InlineData("pip install -p 3.12 x", "3.12")]
    [InlineData("pip install --python=3.12 x", "3.12")]
    [InlineData("pip install -p3.12 x", "3.12")]
    [InlineData("pip install x", null)]
    public void Value_answers_to_the_long_name_and_the_short_letter(string line, string? expected)
    {
        var view = View(line);

        Assert.Equal(expected, view.Value("python", "p"));
        Assert.Equal(expected, view.Value("p"));
    }

    [Fact]
    public void Values_collect_every_occurrence_under_any_alias()
    {
        var view = View("pip install -r a.txt --requirement b.txt --requirements=c.txt");

        Assert.Equal(["a.txt", "b.txt", "c.txt"], view.Values("r", "requirements", "requirement"));
        Assert.True(view.Has("requirement"));
    }

    [Fact]
    public void Environment_values_are_not_command_line_values()
    {
        var view = View("pip install x", ("UV_PYTHON", "3.12"), ("UV_SYSTEM_PYTHON", "1"));

        Assert.Null(view.Value("python"));
        Assert.False(view.Has("system"));
        Assert.Null(view.FlagPair("system", "no-system"));
    }

    [Theory]
    [InlineData("pip install x --system", true)]
    [InlineData("pip install x --no-system", false)]
    [InlineData("pip install x --system --no-system", false)]
    [InlineData("pip install x --no-system --system", true)]
    [InlineData("pip install x", null)]
    public void FlagPair_is_the_one_given_last(string line, bool? expected)
    {
        Assert.Equal(expected, View(line).FlagPair("system", "no-system"));
    }

    [Theory]
    [InlineData("--directory /d pip list", "/d")]
    [InlineData("pip --directory /d list", "/d")]
    [InlineData("pip list --directory /d", "/d")]
    [InlineData("--directory /a pip list --directory /b", "/b")]
    public void Globals_are_seen_at_any_level_and_the_deepest_wins(string line, string expected)
    {
        Assert.Equal(expected, View(line).Value("directory"));
    }

    [Theory]
    [InlineData("pip ls -e", "pip", "list", true)]
    [InlineData("pip list", "pip", "list", false)]
    [InlineData("export --no-editable", "export", "", false)]
    public void Commands_are_named_canonically_and_options_follow_their_commands_grammar(string line, string command, string pipCommand, bool editable)
    {
        var view = View(line);

        Assert.Equal(command, view.Command);
        Assert.Equal(pipCommand, view.PipCommand);
        Assert.Equal(editable, view.Has("e", "editable"));
    }

    [Fact]
    public void Words_are_the_command_path_then_the_positionals()
    {
        var view = View("pip install -p 3.12 a -q b -- -c");

        Assert.Equal(["pip", "install", "a", "b", "-c"], view.Words);
        Assert.Equal(["a", "b", "-c"], view.PipOperands);
        Assert.True(view.Quiet);
    }

    [Fact]
    public void Words_of_an_external_command_are_its_name_and_arguments()
    {
        Assert.Equal(["run", "python", "-c", "print(1)", "--foo"], View("run --no-sync python -c print(1) --foo").Words);
    }

    [Fact]
    public void Options_list_every_occurrence_in_the_order_given()
    {
        var view = View("-q pip install --system x -p 3.12 --no-system");

        Assert.Equal([("quiet", null), ("system", null), ("python", "3.12"), ("no-system", null)], view.Options);
    }
}
