using UvShim.Arguments;

namespace UvShim.Tests.Arguments;

public class PositionalSpecs
{
    [Fact]
    public void Packages_between_options_are_positionals()
    {
        var args = Line.Parse("pip install requests -U flask==3.0 --python 3.12 'rich>=13'");

        Assert.Equal(
            [new UvPositional("requests", 2, false), new UvPositional("flask==3.0", 4, false), new UvPositional("'rich>=13'", 7, false)],
            args.Positionals);
    }

    [Fact]
    public void Option_looking_packages_after_a_double_dash_are_positionals()
    {
        var args = Line.Parse("pip install -q -- --user -p -h x");

        Assert.Equal(3, args.DoubleDashIndex);
        Assert.Equal(["--quiet"], args.Options.Select(o => o.Name));
        Assert.Equal(["--user", "-p", "-h", "x"], args.Positionals.Select(p => p.Value));
        Assert.All(args.Positionals, p => Assert.True(p.AfterDoubleDash));
        Assert.False(args.AsksForHelpOrVersion);
    }

    [Fact]
    public void A_second_double_dash_is_a_positional()
    {
        var args = Line.Parse("pip install -- -- x");

        Assert.Equal(2, args.DoubleDashIndex);
        Assert.Equal(["--", "x"], args.Positionals.Select(p => p.Value));
    }

    [Theory]
    [InlineData("pip install -")]
    [InlineData("pip sync -")]
    [InlineData("pip uninstall -")]
    public void A_lone_dash_is_a_positional(string line)
    {
        var args = Line.Parse(line);

        Assert.Equal([new UvPositional("-", 2, false)], args.Positionals);
        Assert.Empty(args.Options);
    }

    [Fact]
    public void Requirement_files_of_pip_sync_are_positionals()
    {
        var args = Line.Parse("pip sync requirements.txt -c constraints.txt extra.txt");

        Assert.Equal(["requirements.txt", "extra.txt"], args.Positionals.Select(p => p.Value));
        Assert.Equal("constraints.txt", args.Last("--constraints")!.Value);
    }

    [Fact]
    public void Non_ascii_and_replacement_characters_are_ordinary_text()
    {
        var args = UvArguments.Parse(["pip", "install", "pâckage", "\uFFFD", "-p", "Pythön\uFFFD", "😀"]);

        Assert.Equal(["pâckage", "\uFFFD", "😀"], args.Positionals.Select(p => p.Value));
        Assert.Equal("Pythön\uFFFD", args.Last("--python")!.Value);
    }
}
