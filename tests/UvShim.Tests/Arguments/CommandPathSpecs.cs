using UvShim.Arguments;

namespace UvShim.Tests.Arguments;

public class CommandPathSpecs
{
    [Theory]
    [InlineData("pip install x", "pip install", 1)]
    [InlineData("-q pip install x", "pip install", 2)]
    [InlineData("pip -q install x", "pip install", 2)]
    [InlineData("pip install -q x", "pip install", 1)]
    [InlineData("-q pip --cache-dir pip ls -v", "pip list", 4)]
    [InlineData("pip ls", "pip list", 1)]
    [InlineData("pip list", "pip list", 1)]
    [InlineData("pip freeze", "pip freeze", 1)]
    [InlineData("pip show x", "pip show", 1)]
    [InlineData("pip uninstall x", "pip uninstall", 1)]
    [InlineData("pip sync req.txt", "pip sync", 1)]
    [InlineData("sync --frozen", "sync", 0)]
    [InlineData("export --frozen", "export", 0)]
    [InlineData("--directory /p sync", "sync", 2)]
    [InlineData("run x", "run", 0)]
    [InlineData("venv", "venv", 0)]
    [InlineData("virtualenv .venv", "venv", 0)]
    [InlineData("v", "venv", 0)]
    [InlineData("lock --upgrade", "lock", 0)]
    [InlineData("tool install ruff", "tool", 0)]
    [InlineData("python find", "python", 0)]
    [InlineData("add requests", "add", 0)]
    [InlineData("self update", "self", 0)]
    [InlineData("help pip install", "help", 0)]
    [InlineData("--generate-shell-completion bash", "generate-shell-completion", 0)]
    [InlineData("pip compile req.in", "pip compile", 1)]
    [InlineData("pip check", "pip check", 1)]
    [InlineData("pip tree", "pip tree", 1)]
    [InlineData("pip frobnicate x", "pip frobnicate", 1)]
    [InlineData("frobnicate --x", "frobnicate", 0)]
    [InlineData("install requests", "install", 0)]
    [InlineData("pip", "pip", 0)]
    [InlineData("-q pip", "pip", 1)]
    [InlineData("--version", "", -1)]
    [InlineData("-q -v", "", -1)]
    [InlineData("", "", -1)]
    public void The_command_path_is_resolved_with_aliases_normalized(string line, string path, int commandTokenIndex)
    {
        var args = Line.Parse(line);

        Assert.Equal(Line.Split(path), args.Command);
        Assert.Equal(commandTokenIndex, args.CommandTokenIndex);
    }

    [Theory]
    [InlineData("--directory pip pip install x", "--directory", "pip", "pip install")]
    [InlineData("pip --cache-dir install install x", "--cache-dir", "install", "pip install")]
    [InlineData("--project sync sync", "--project", "sync", "sync")]
    [InlineData("--config-file pip pip ls", "--config-file", "pip", "pip list")]
    [InlineData("pip --cert sync sync r.txt", "--cert", "sync", "pip sync")]
    [InlineData("pip install --python install x", "--python", "install", "pip install")]
    [InlineData("pip install -p ls x", "--python", "ls", "pip install")]
    public void A_value_that_looks_like_a_subcommand_is_taken_as_the_value(string line, string option, string value, string path)
    {
        var args = Line.Parse(line);

        Assert.Equal(value, Line.Single(args, option).Value);
        Assert.Equal(Line.Split(path), args.Command);
    }

    [Fact]
    public void A_value_before_the_subcommand_does_not_shift_the_command_path()
    {
        var args = Line.Parse("--directory pip pip install x");

        Assert.Equal(["pip", "install"], args.Command);
        Assert.Equal(3, args.CommandTokenIndex);
        Assert.Equal(["x"], args.Positionals.Select(p => p.Value));
    }

    [Fact]
    public void Runs_options_are_parsed_up_to_its_command_which_stays_opaque()
    {
        var args = Line.Parse("run -p 3.12 -- python -c 1");

        Assert.Equal(["run"], args.Command);
        Assert.Equal(["--python"], args.Options.Select(o => o.Name));
        Assert.Equal(3, args.DoubleDashIndex);
        Assert.Equal(4, args.OpaqueStartIndex);
        Assert.Equal(["python", "-c", "1"], args.OpaqueTokens);
        Assert.Empty(args.Positionals);
    }

    [Fact]
    public void Runs_command_starts_at_its_first_word_and_takes_every_option_after_it()
    {
        var args = Line.Parse("run --frozen python -p 3.12 --frozen");

        Assert.Equal(["--frozen"], args.Options.Select(o => o.Name));
        Assert.Equal(2, args.OpaqueStartIndex);
        Assert.Equal(["python", "-p", "3.12", "--frozen"], args.OpaqueTokens);
    }

    [Fact]
    public void A_passthrough_command_stays_opaque_after_its_name()
    {
        var args = Line.Parse("venv -p 3.12 -- x");

        Assert.Equal(["venv"], args.Command);
        Assert.True(args.IsOpaque);
        Assert.Equal(1, args.OpaqueStartIndex);
        Assert.Equal(["-p", "3.12", "--", "x"], args.OpaqueTokens);
        Assert.Empty(args.Options);
        Assert.Empty(args.Positionals);
        Assert.Equal(-1, args.DoubleDashIndex);
    }

    [Fact]
    public void Globals_before_a_passthrough_command_are_still_parsed()
    {
        var args = Line.Parse("-q --directory /p tool run --with x -p 3.12 ruff");

        Assert.Equal(["tool"], args.Command);
        Assert.Equal(["--quiet", "--directory"], args.Options.Select(o => o.Name));
        Assert.Equal(4, args.OpaqueStartIndex);
    }

    [Theory]
    [InlineData("pip compile -r req.in -o out.txt", 2)]
    [InlineData("pip tree -d 1", 2)]
    [InlineData("venv --python 3.12", 1)]
    [InlineData("tool run --with x y", 1)]
    public void The_rest_of_an_opaque_command_is_not_parsed(string line, int opaqueStart)
    {
        var args = Line.Parse(line);

        Assert.Equal(opaqueStart, args.OpaqueStartIndex);
        Assert.Empty(args.Options);
        Assert.Empty(args.Positionals);
    }

    [Theory]
    [InlineData("pip install x")]
    [InlineData("sync")]
    [InlineData("--version")]
    [InlineData("")]
    public void A_parsed_command_line_is_not_opaque(string line)
    {
        var args = Line.Parse(line);

        Assert.False(args.IsOpaque);
        Assert.Equal(-1, args.OpaqueStartIndex);
        Assert.Empty(args.OpaqueTokens);
    }

    [Fact]
    public void After_a_double_dash_at_the_top_level_nothing_is_a_subcommand()
    {
        var args = Line.Parse("-q -- pip install x");

        Assert.Empty(args.Command);
        Assert.Equal(1, args.DoubleDashIndex);
        Assert.All(args.Positionals, p => Assert.True(p.AfterDoubleDash));
        Assert.Equal(["pip", "install", "x"], args.Positionals.Select(p => p.Value));
    }

    [Fact]
    public void An_option_unknown_at_the_pip_level_takes_no_value()
    {
        // --python is not an option of `uv pip` itself, so clap would reject it; 3.12 is then read as the subcommand.
        var args = Line.Parse("pip --python 3.12 install x");

        Assert.False(Line.Single(args, "--python").IsKnown);
        Assert.Equal(["pip", "3.12"], args.Command);
        Assert.True(args.IsOpaque);
    }

    [Fact]
    public void IsCommand_compares_the_whole_path()
    {
        var args = Line.Parse("-q pip ls");

        Assert.True(args.IsCommand("pip", "list"));
        Assert.False(args.IsCommand("pip"));
        Assert.False(args.IsCommand("pip", "ls"));
    }
}
