using System.Runtime.Versioning;
using UvShim.FakeUv.Grammar;
using static UvShim.Tests.FakeUv.StrictParse;

namespace UvShim.Tests.FakeUv;

/// <summary>clap 4.6.5's behaviours, on <see cref="MiniGrammar"/>: what it accepts, and the first line of what it prints when it does not.</summary>
[SupportedOSPlatform("linux")]
public class ClapParserSpecs
{
    [Theory]
    [InlineData("pip install x")]
    [InlineData("pip install -r r.txt")]
    [InlineData("pip install --requirement=r.txt")]
    [InlineData("pip install -rr.txt")]
    [InlineData("pip install -r=r.txt")]
    [InlineData("pip install x -p 3.12")]
    [InlineData("pip install x -p3.12")]
    [InlineData("pip install x --python=3.12")]
    [InlineData("pip install x --python=")]
    [InlineData("pip install x -qq")]
    [InlineData("pip install x -qqn")]
    [InlineData("-q pip -v install x")]
    [InlineData("pip install x --system --no-system")]
    [InlineData("pip install x --no-system --system")]
    [InlineData("pip install x --system --no-system --system")]
    [InlineData("pip install -- -x")]
    [InlineData("pip install -")]
    [InlineData("pip install --python - x")]
    [InlineData("pip install --python install x")]
    [InlineData("pip install x -- install")]
    [InlineData("--directory d pip install x")]
    [InlineData("pip --directory d install x")]
    [InlineData("pip install x --directory d")]
    [InlineData("pip install x --no-cache-dir")]
    [InlineData("pip install x --no-binary a,b --no-binary c")]
    [InlineData("pip install x --offline --no-offline")]
    [InlineData("pip install x --cert ca.pem")]
    [InlineData("pip --cert ca.pem install x")]
    [InlineData("pip ls --format json")]
    [InlineData("pip list -e")]
    [InlineData("pip sync r.txt")]
    [InlineData("run")]
    [InlineData("run python -c print(1) --foo")]
    [InlineData("run -m module --with x")]
    [InlineData("run -- python")]
    [InlineData("run -- --foo")]
    [InlineData("run --with x python --with y")]
    [InlineData("format")]
    [InlineData("format -- x --check")]
    [InlineData("sync --no-binary")]
    [InlineData("sync --locked --script s.py")]
    public void Command_lines_clap_accepts_are_accepted(string line)
    {
        Assert.Equal(Accepted, Outcome(MiniGrammar.Root, line));
    }

    [Theory]
    // A value that starts with `-`, a missing value, `--` instead of a value.
    [InlineData("pip install x --python", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("pip install --python --system x", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("pip install -p -q x", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("pip install --python -- x", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("pip install --python -h x", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("pip install --python --foo x", "error: unexpected argument '--foo' found")]
    [InlineData("pip install x --color bogus", "error: invalid value 'bogus' for '--color <COLOR_CHOICE>'")]
    // The value is checked when it is applied, and clap drops that error when the next token fails first.
    [InlineData("--color pip install x", "error: unrecognized subcommand 'install'")]
    // A value given to a flag.
    [InlineData("pip install x --system=1", "error: unexpected value '1' for '--system' found; no more were expected")]
    [InlineData("pip install x --system=", "error: unexpected value '' for '--system' found; no more were expected")]
    // Repeated single-valued options and flags; counts repeat.
    [InlineData("pip install x -p a -p b", "error: the argument '--python <PYTHON>' cannot be used multiple times")]
    [InlineData("pip install x -p a --python=b", "error: the argument '--python <PYTHON>' cannot be used multiple times")]
    [InlineData("pip install x --system --system", "error: the argument '--system' cannot be used multiple times")]
    [InlineData("pip install x --user --user", "error: the argument '--user' cannot be used multiple times")]
    // Conflicts.
    [InlineData("pip install x --prefix a --target b", "error: the argument '--prefix <PREFIX>' cannot be used with '--target <TARGET>'")]
    [InlineData("pip install x -t b --prefix a", "error: the argument '--target <TARGET>' cannot be used with '--prefix <PREFIX>'")]
    [InlineData("pip install x -qv", "error: the argument '--quiet...' cannot be used with '--verbose...'")]
    [InlineData("pip list --exclude-editable -e", "error: the argument '--exclude-editable' cannot be used with '--editable'")]
    // Required groups and args.
    [InlineData("pip install", "error: the following required arguments were not provided:")]
    [InlineData("pip install -p 3.12", "error: the following required arguments were not provided:")]
    [InlineData("pip sync", "error: the following required arguments were not provided:")]
    [InlineData("pip --cert ca.pem", "error: 'uv pip' requires a subcommand but one was not provided")]
    [InlineData("sync --locked", "error: the following required arguments were not provided:")]
    // Possible values and empty values.
    [InlineData("pip list --format yaml", "error: invalid value 'yaml' for '--format <FORMAT>'")]
    [InlineData("pip list --format=", "error: a value is required for '--format <FORMAT>' but none was supplied")]
    [InlineData("pip install x --target=", "error: a value is required for '--target <TARGET>' but none was supplied")]
    [InlineData("pip install x -r=", "error: a value is required for '--requirements <REQUIREMENTS>' but none was supplied")]
    // Unknown arguments and positionals, unrecognized subcommands.
    [InlineData("pip install x --foo", "error: unexpected argument '--foo' found")]
    [InlineData("pip install x -z", "error: unexpected argument '-z' found")]
    [InlineData("pip install x -qz", "error: unexpected argument '-z' found")]
    [InlineData("pip install x -V", "error: unexpected argument '-V' found")]
    [InlineData("pip install x --version", "error: unexpected argument '--version' found")]
    [InlineData("--cert ca.pem pip install x", "error: unexpected argument '--cert' found")]
    [InlineData("sync x", "error: unexpected argument 'x' found")]
    [InlineData("sync --no-binary x", "error: unexpected argument 'x' found")]
    [InlineData("format x", "error: unexpected argument 'x' found")]
    [InlineData("pip bogus", "error: unrecognized subcommand 'bogus'")]
    [InlineData("install x", "error: unrecognized subcommand 'install'")]
    [InlineData("pip -- install x", "error: unexpected argument 'install' found")]
    [InlineData("run --foo python", "error: unexpected argument '--foo' found")]
    // Help and version.
    [InlineData("-V", "version")]
    [InlineData("--version pip install x", "version")]
    [InlineData("-qV", "version")]
    [InlineData("-h", "help")]
    [InlineData("pip install --help", "help")]
    [InlineData("pip install x -qh", "help")]
    [InlineData("run -h", "help")]
    [InlineData("run python -h", Accepted)]
    // uv's own checks after clap.
    [InlineData("pip install x --user", "error: pip's `--user` is unsupported (use a virtual environment instead)")]
    [InlineData("--offline pip install x --no-offline", "error: `--offline` and `--no-offline` cannot be used together. Boolean flags on different levels are currently not supported (https://github.com/clap-rs/clap/issues/6049)")]
    [InlineData("pip sync r.txt -a", "error: pip-sync's `--ask` is unsupported (uv never asks for confirmation)")]
    public void Command_lines_clap_rejects_fail_with_its_first_line(string line, string expected)
    {
        Assert.Equal(expected, Outcome(MiniGrammar.Root, line));
    }

    public static TheoryData<string, string, string, string> EnvironmentCases => new()
    {
        // Read only when the arg is absent from the command line, then validated like a command-line value.
        { "pip install x", "UV_SYSTEM_PYTHON", "1", Accepted },
        { "pip install x", "UV_SYSTEM_PYTHON", "Off", Accepted },
        { "pip install x", "UV_SYSTEM_PYTHON", "maybe", "error: invalid value 'maybe' for '--system': value was not a boolean" },
        { "pip install x", "UV_SYSTEM_PYTHON", "", "error: invalid value '' for '--system': value was not a boolean" },
        { "pip install x", "UV_SYSTEM_PYTHON", " 1", "error: invalid value ' 1' for '--system': value was not a boolean" },
        { "pip install x --system", "UV_SYSTEM_PYTHON", "maybe", Accepted },
        { "pip install x", "UV_WORKING_DIR", "", "error: a value is required for '--directory <DIRECTORY>' but none was supplied" },
        { "pip install x -p 3.11", "UV_PYTHON", "3.12", Accepted },
        // Environment values are explicit: overrides are not removed, so they conflict (as `uv python find --no-system` does).
        { "pip install x --no-system", "UV_SYSTEM_PYTHON", "1", "error: the argument '--no-system' cannot be used with '--system'" },
        { "pip install x --no-system", "UV_SYSTEM_PYTHON", "0", "error: the argument '--no-system' cannot be used with '--system'" },
        // An environment value counts as given: the missing subcommand is an error, not the help.
        { "pip", "UV_NO_CACHE", "1", "error: 'uv pip' requires a subcommand but one was not provided" },
        { "pip", "UV_NO_CACHE", "yes please", "error: invalid value 'yes please' for '--no-cache': value was not a boolean" },
    };

    [Theory]
    [MemberData(nameof(EnvironmentCases))]
    public void Environment_variables_behind_args_are_read_validated_and_take_part_in_conflicts(string line, string variable, string value, string expected)
    {
        Assert.Equal(expected, Outcome(MiniGrammar.Root, line, (variable, value)));
    }

    [Fact]
    public void An_empty_value_attached_with_equals_is_a_value()
    {
        var parsed = Parse(MiniGrammar.Root, ["pip", "install", "x", "--python="]);

        Assert.Equal([""], parsed.Get("python")!.Values);
    }

    [Fact]
    public void The_deepest_level_is_validated_before_its_parents()
    {
        Assert.Equal("error: the following required arguments were not provided:", Outcome(MiniGrammar.Root, "-q -v pip install"));
    }

    public static TheoryData<string, string> Renderings => new()
    {
        {
            "pip install x --foo",
            """
            error: unexpected argument '--foo' found

              tip: to pass '--foo' as a value, use '-- --foo'

            Usage: uv pip install <PACKAGE|--requirements <REQUIREMENTS>>

            For more information, try '--help'.

            """
        },
        {
            "pip install x --pythn 3",
            """
            error: unexpected argument '--pythn' found

              tip: a similar argument exists: '--python'

            Usage: uv pip install --python <PYTHON> <PACKAGE|--requirements <REQUIREMENTS>>

            For more information, try '--help'.

            """
        },
        {
            "--cert ca.pem pip install x",
            """
            error: unexpected argument '--cert' found

              tip: 'pip --cert' exists

            Usage: uv [OPTIONS] <COMMAND>

            For more information, try '--help'.

            """
        },
        {
            "install x",
            """
            error: unrecognized subcommand 'install'

              tip: a similar subcommand exists: 'uv pip install'

            Usage: uv [OPTIONS] <COMMAND>

            For more information, try '--help'.

            """
        },
        {
            "pip instal x",
            """
            error: unrecognized subcommand 'instal'

              tip: some similar subcommands exist: 'list', 'install'

            Usage: uv pip [OPTIONS] <COMMAND>

            For more information, try '--help'.

            """
        },
        {
            "pip install x -p a -p b",
            """
            error: the argument '--python <PYTHON>' cannot be used multiple times

            Usage: uv pip install [OPTIONS] <PACKAGE|--requirements <REQUIREMENTS>>

            For more information, try '--help'.

            """
        },
        {
            "pip install x --prefix a --target b",
            """
            error: the argument '--prefix <PREFIX>' cannot be used with '--target <TARGET>'

            Usage: uv pip install --prefix <PREFIX> <PACKAGE|--requirements <REQUIREMENTS>>

            For more information, try '--help'.

            """
        },
        {
            "pip install",
            """
            error: the following required arguments were not provided:
              <PACKAGE|--requirements <REQUIREMENTS>>

            Usage: uv pip install <PACKAGE|--requirements <REQUIREMENTS>>

            For more information, try '--help'.

            """
        },
        {
            "pip sync -a",
            """
            error: the following required arguments were not provided:
              <SRC_FILE>...

            Usage: uv pip sync --ask <SRC_FILE>...

            For more information, try '--help'.

            """
        },
        {
            "sync --locked",
            """
            error: the following required arguments were not provided:
              --script <SCRIPT>

            Usage: uv sync --script <SCRIPT> --locked

            For more information, try '--help'.

            """
        },
        {
            "pip list --format yaml",
            """
            error: invalid value 'yaml' for '--format <FORMAT>'
              [possible values: columns, freeze, json]

            For more information, try '--help'.

            """
        },
        {
            "pip list --format jsn",
            """
            error: invalid value 'jsn' for '--format <FORMAT>'
              [possible values: columns, freeze, json]

              tip: a similar value exists: 'json'

            For more information, try '--help'.

            """
        },
        {
            "pip install x --system=1",
            """
            error: unexpected value '1' for '--system' found; no more were expected

            Usage: uv pip install --system <PACKAGE|--requirements <REQUIREMENTS>>

            For more information, try '--help'.

            """
        },
        {
            "sync x",
            """
            error: unexpected argument 'x' found

            Usage: uv sync [OPTIONS]

            For more information, try '--help'.

            """
        },
        {
            "pip --cert ca.pem",
            """
            error: 'uv pip' requires a subcommand but one was not provided
              [subcommands: install, list, ls, sync]

            Usage: uv pip [OPTIONS] <COMMAND>

            For more information, try '--help'.

            """
        },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Errors_render_like_clap_with_tips_usage_and_the_help_hint(string line, string expected)
    {
        Assert.Equal(expected, Error(MiniGrammar.Root, line).Render());
    }

    [Theory]
    [InlineData("-V", 0, false)]
    [InlineData("pip install --help", 0, false)]
    [InlineData("pip", 2, true)]
    [InlineData("", 2, true)]
    [InlineData("pip install --foo", 2, true)]
    public void Help_and_version_go_to_stdout_with_exit_code_0_and_the_bare_command_gets_its_help_on_stderr(string line, int exitCode, bool stderr)
    {
        var error = Error(MiniGrammar.Root, line);

        Assert.Equal(exitCode, error.ExitCode);
        Assert.Equal(stderr, error.UseStderr);
    }

    [Fact]
    public void Counts_add_up_within_a_level_and_the_deepest_level_wins_across_levels()
    {
        Assert.Equal(["2"], Parse(MiniGrammar.Root, "pip install x -qq").Get("quiet")!.Values);
        Assert.Equal(["1"], Parse(MiniGrammar.Root, "-qq pip install x -q").Get("quiet")!.Values);
    }

    [Fact]
    public void A_command_line_global_above_wins_over_an_environment_value_below()
    {
        var parsed = Parse(MiniGrammar.Root, "--directory d pip install x", ("UV_WORKING_DIR", "e"));

        Assert.Equal(["d"], parsed.Get("directory")!.Values);
        Assert.Equal(ClapSource.CommandLine, parsed.Get("directory")!.Source);
    }

    [Fact]
    public void An_external_subcommand_takes_every_argument_after_its_name()
    {
        var parsed = Parse(MiniGrammar.Root, "run --with x python -c print(1) --foo -- -h");

        Assert.Equal("python", parsed.External!.Name);
        Assert.Equal(["-c", "print(1)", "--foo", "--", "-h"], parsed.External.ExternalArguments);
        Assert.Equal(["x"], parsed.Get("with")!.Values);
    }

    [Fact]
    public void Value_delimiters_split_each_value()
    {
        Assert.Equal(["a", "b", "c"], Parse(MiniGrammar.Root, "pip install x --no-binary a,b --no-binary c").Get("no_binary")!.Values);
    }
}
