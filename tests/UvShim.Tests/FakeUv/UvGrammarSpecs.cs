using System.Runtime.Versioning;
using UvShim.FakeUv.Grammar;
using static UvShim.Tests.FakeUv.StrictParse;

namespace UvShim.Tests.FakeUv;

/// <summary>The strict fake on uv 0.12.5's own grammar: clap's behaviours where uvshim's command lines meet them.</summary>
[SupportedOSPlatform("linux")]
public class UvGrammarSpecs
{
    private static ClapCommand Uv => UvGrammar.Root;

    [Fact]
    public void The_embedded_grammar_is_uv_0_12_5()
    {
        Assert.Equal("0.12.5", UvGrammar.File.UvVersion);
        Assert.Equal("uv", Uv.Name);
        Assert.Contains(Uv.Subcommands, c => c.Name == "pip");
    }

    [Theory]
    [InlineData("pip install x")]
    [InlineData("pip install x --system --no-system")]
    [InlineData("pip install -rr.txt -r=s.txt --requirement t.txt")]
    [InlineData("pip install -")]
    [InlineData("pip install -- -x")]
    [InlineData("pip install --python - x")]
    [InlineData("pip install -qqp3.12 x")]
    [InlineData("pip install x --python=")]
    [InlineData("pip install x --no-system --system")]
    [InlineData("pip install -r requirements.txt --requirement=other.txt -c c.txt")]
    [InlineData("pip install --no-binary :all: x")]
    [InlineData("pip install x --python=/usr/bin/python3 --prefix /p")]
    [InlineData("pip install x -t /t")]
    [InlineData("pip install x --break-system-packages --no-break-system-packages")]
    [InlineData("pip list -qq")]
    [InlineData("pip ls -e --format json")]
    [InlineData("pip list --format=freeze --exclude pip")]
    [InlineData("pip show -f x")]
    [InlineData("pip freeze --path /site")]
    [InlineData("pip uninstall -r r.txt")]
    [InlineData("pip sync r.txt --python-version 3.12")]
    [InlineData("--directory d pip list")]
    [InlineData("pip list --directory d")]
    [InlineData("pip --directory d list")]
    [InlineData("-q --no-cache pip install x -q")]
    [InlineData("pip install --cert ca.pem x")]
    [InlineData("run python -c print(1) --foo")]
    [InlineData("run -- python -h")]
    [InlineData("run --with x -m module")]
    [InlineData("sync --frozen --no-dev --extra a --no-binary")]
    [InlineData("export --frozen -o out.txt --no-hashes --no-emit-project")]
    [InlineData("venv .venv")]
    [InlineData("virtualenv .venv")]
    [InlineData("lock --check")]
    [InlineData("python find 3.12")]
    [InlineData("tool run ruff check")]
    [InlineData("format -- --line-length 100")]
    [InlineData("--generate-shell-completion bash")]
    public void Command_lines_uv_accepts_are_accepted(string line)
    {
        Assert.Equal(Accepted, Outcome(Uv, line));
    }

    [Theory]
    [InlineData("sync --no-binary x", "error: unexpected argument 'x' found")]
    [InlineData("pip install --no-binary", "error: a value is required for '--no-binary <NO_BINARY>' but none was supplied")]
    [InlineData("pip install x --no-binary --system", "error: a value is required for '--no-binary <NO_BINARY>' but none was supplied")]
    [InlineData("pip install x --python", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("pip install --python --system x", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("pip install -p a -p b x", "error: the argument '--python <PYTHON>' cannot be used multiple times")]
    [InlineData("pip install x --system --system", "error: the argument '--system' cannot be used multiple times")]
    [InlineData("pip install x --system=1", "error: unexpected value '1' for '--system' found; no more were expected")]
    [InlineData("pip install --prefix a --target b x", "error: the argument '--prefix <PREFIX>' cannot be used with '--target <TARGET>'")]
    [InlineData("pip install x --target=", "error: a value is required for '--target <TARGET>' but none was supplied")]
    [InlineData("add x --tag a --branch b", "error: the argument '--tag <TAG>' cannot be used with '--branch <BRANCH>'")]
    [InlineData("pip install x -- --python", Accepted)]
    [InlineData("pip install --user x", "error: pip's `--user` is unsupported (use a virtual environment instead)")]
    [InlineData("pip sync --user r.txt", "error: pip-sync's `--user` is unsupported (use a virtual environment instead)")]
    [InlineData("pip sync -a r.txt", "error: pip-sync's `--ask` is unsupported (uv never asks for confirmation)")]
    [InlineData("pip install", "error: the following required arguments were not provided:")]
    [InlineData("pip uninstall", "error: the following required arguments were not provided:")]
    [InlineData("pip sync", "error: the following required arguments were not provided:")]
    [InlineData("pip list --format yaml", "error: invalid value 'yaml' for '--format <FORMAT>'")]
    [InlineData("pip list --user", "error: unexpected argument '--user' found")]
    [InlineData("pip freeze --user", "error: unexpected argument '--user' found")]
    [InlineData("pip show --user x", "error: unexpected argument '--user' found")]
    [InlineData("pip uninstall --user x", "error: unexpected argument '--user' found")]
    [InlineData("pip list -e --exclude-editable", "error: the argument '--editable' cannot be used with '--exclude-editable'")]
    [InlineData("pip list -q -v", "error: the argument '--quiet...' cannot be used with '--verbose...'")]
    [InlineData("pip list -qv", "error: the argument '--quiet...' cannot be used with '--verbose...'")]
    [InlineData("run --foo python", "error: unexpected argument '--foo' found")]
    [InlineData("pip bogus", "error: unrecognized subcommand 'bogus'")]
    [InlineData("install x", "error: unrecognized subcommand 'install'")]
    [InlineData("pip -V", "error: unexpected argument '-V' found")]
    [InlineData("init --backend", "error: unexpected argument '--backend' found")]
    [InlineData("init --script", "error: the following required arguments were not provided:")]
    [InlineData("tree --depth x", "error: invalid value 'x' for '--depth <DEPTH>': invalid digit found in string")]
    [InlineData("tree --depth 300", "error: invalid value '300' for '--depth <DEPTH>': 300 is not in 0..=255")]
    [InlineData("--offline pip install x --no-offline", "error: `--offline` and `--no-offline` cannot be used together. Boolean flags on different levels are currently not supported (https://github.com/clap-rs/clap/issues/6049)")]
    [InlineData("--version", "version")]
    [InlineData("pip install --help", "help")]
    [InlineData("pip install --python -h", "error: a value is required for '--python <PYTHON>' but none was supplied")]
    [InlineData("", "help on stderr")]
    [InlineData("pip", "help on stderr")]
    public void Command_lines_uv_rejects_fail_with_its_first_line(string line, string expected)
    {
        Assert.Equal(expected, Outcome(Uv, line));
    }

    public static TheoryData<string, string, string, string> EnvironmentCases => new()
    {
        { "pip install x", "UV_SYSTEM_PYTHON", "1", Accepted },
        { "pip install x --system", "UV_SYSTEM_PYTHON", "true", Accepted },
        { "pip install x --no-system", "UV_SYSTEM_PYTHON", "1", "error: the argument '--no-system' cannot be used with '--system'" },
        { "pip install x --no-break-system-packages", "UV_BREAK_SYSTEM_PACKAGES", "1", "error: the argument '--no-break-system-packages' cannot be used with '--break-system-packages'" },
        { "pip install x", "UV_SYSTEM_PYTHON", "maybe", "error: invalid value 'maybe' for '--system': value was not a boolean" },
        { "pip install x", "UV_PYTHON", "", Accepted },
        { "pip install x -p 3.12", "UV_PYTHON", "3.11", Accepted },
        { "pip list", "UV_WORKING_DIR", "", "error: a value is required for '--directory <DIRECTORY>' but none was supplied" },
        { "pip list", "UV_NO_CACHE", "on", Accepted },
        { "export --frozen", "UV_LOCKED", "1", "error: the argument `UV_LOCKED` (environment variable) cannot be used with `--frozen`" },
        { "sync --locked", "UV_FROZEN", "1", "error: the argument `--locked` cannot be used with `UV_FROZEN` (environment variable)" },
        { "--managed-python pip list", "UV_PYTHON_PREFERENCE", "system", "error: the argument `--managed-python` cannot be used with `--python-preference`" },
    };

    [Theory]
    [MemberData(nameof(EnvironmentCases))]
    public void Environment_variables_are_read_and_checked_as_uv_does(string line, string variable, string value, string expected)
    {
        Assert.Equal(expected, Outcome(Uv, line, (variable, value)));
    }

    [Fact]
    public void The_documented_error_of_uv_python_find_is_reproduced()
    {
        // uv 0.12.5 crates/uv/tests/python/python_find.rs: `--no-system` with UV_SYSTEM_PYTHON=1 (and --cache-dir given).
        var error = Error(Uv, "python find --cache-dir c --no-system", ("UV_SYSTEM_PYTHON", "1"));

        Assert.Equal(
            """
            error: the argument '--no-system' cannot be used with '--system'

            Usage: uv python find --cache-dir <CACHE_DIR> [REQUEST]

            For more information, try '--help'.

            """,
            error.Render());
    }

    [Fact]
    public void The_documented_error_of_a_misplaced_pip_command_is_reproduced()
    {
        // uv 0.12.5 crates/uv/tests/pip_install/pip_install.rs: `uv install`.
        Assert.Equal(
            """
            error: unrecognized subcommand 'install'

              tip: a similar subcommand exists: 'uv pip install'

            Usage: uv [OPTIONS] <COMMAND>

            For more information, try '--help'.

            """,
            Error(Uv, "install flask").Render());
    }

    [Fact]
    public void The_documented_error_of_a_missing_uninstall_package_is_reproduced()
    {
        // uv 0.12.5 crates/uv/tests/pip/pip_uninstall.rs (the test passes --cache-dir).
        Assert.Equal(
            """
            error: the following required arguments were not provided:
              <PACKAGE|--requirements <REQUIREMENTS>>

            Usage: uv pip uninstall --cache-dir <CACHE_DIR> <PACKAGE|--requirements <REQUIREMENTS>>

            For more information, try '--help'.

            """,
            Error(Uv, "pip uninstall --cache-dir c").Render());
    }

    [Fact]
    public void The_documented_error_of_a_pip_only_global_is_reproduced()
    {
        // uv 0.12.5 crates/uv/tests/it/help.rs cert_is_limited_to_pip.
        Assert.Equal(
            """
            error: unexpected argument '--cert' found

              tip: a similar argument exists: '--script'

            Usage: uv sync --script <SCRIPT>

            For more information, try '--help'.

            """,
            Error(Uv, "sync --cert ca-bundle.pem").Render());
    }

    [Fact]
    public void The_documented_error_of_a_repeated_python_is_reproduced()
    {
        // uv 0.12.5 crates/uv/tests/pip_compile/pip_compile.rs: --python twice.
        Assert.Equal(
            """
            error: the argument '--python <PYTHON>' cannot be used multiple times

            Usage: uv pip compile [OPTIONS] <SRC_FILE|--group <GROUP>>

            For more information, try '--help'.

            """,
            Error(Uv, "pip compile requirements.in --python 3.12 --python 3.11").Render());
    }

    [Fact]
    public void The_documented_error_of_init_backend_is_reproduced()
    {
        // uv 0.12.5 crates/uv/tests/project/init.rs: `--backend` is a hidden alias that only errors.
        Assert.Equal(
            """
            error: unexpected argument '--backend' found

              tip: a similar argument exists: '--build-backend'

            Usage: uv init [OPTIONS] [PATH]

            For more information, try '--help'.

            """,
            Error(Uv, "init --backend").Render());
    }
}
