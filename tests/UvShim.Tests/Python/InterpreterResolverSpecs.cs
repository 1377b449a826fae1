using UvShim.Python;

namespace UvShim.Tests.Python;

public sealed class InterpreterResolverSpecs : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uvshim-resolve-").FullName;
    private readonly List<(string, bool, string)> _askedUv = [];

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private InterpreterResolver Resolver() => new((request, system, workingDirectory) =>
    {
        _askedUv.Add((request, system, workingDirectory));
        return request == "3.12" ? Executable("uv-managed/bin/python3.12") : null;
    });

    private string Executable(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private string Venv(string relative)
    {
        var dir = Path.Combine(_root, relative);
        Executable(Path.Combine(relative, "bin", "python3"));
        File.WriteAllText(Path.Combine(dir, "pyvenv.cfg"), "home = /usr/bin\n");
        return dir;
    }

    private ResolutionInput Input(string? python = null, bool system = false, bool user = false, string? cwd = null, params (string, string)[] env)
    {
        var environment = new Dictionary<string, string> { ["PATH"] = Path.Combine(_root, "bin1") + ":" + Path.Combine(_root, "bin2") };
        foreach (var (key, value) in env)
            environment[key] = value;
        return new ResolutionInput(python, false, system, user, cwd ?? _root, environment);
    }

    private static ResolvedInterpreter Found(Resolution resolution) =>
        Assert.IsType<Resolution.Found>(resolution).Interpreter;

    [Fact]
    public void With_system_the_first_python3_on_PATH_is_taken_before_python_in_the_same_directory()
    {
        Executable("bin1/python");
        var python3 = Executable("bin1/python3");
        Executable("bin2/python3");

        var found = Found(Resolver().Resolve(Input(system: true)));

        Assert.Equal(python3, found.Executable);
        Assert.Equal(InterpreterKind.System, found.Kind);
    }

    [Fact]
    public void With_system_a_venv_interpreter_on_PATH_is_skipped()
    {
        var venvOnPath = Path.Combine(_root, "venv");
        Venv("venv");
        var system = Executable("bin2/python3");
        var input = Input(system: true) with
        {
            Environment = new Dictionary<string, string> { ["PATH"] = Path.Combine(venvOnPath, "bin") + ":" + Path.Combine(_root, "bin2") },
        };

        Assert.Equal(system, Found(Resolver().Resolve(input)).Executable);
    }

    [Fact]
    public void UV_PYTHON_SEARCH_PATH_replaces_PATH()
    {
        Executable("bin1/python3");
        var other = Executable("other/python3");

        var found = Found(Resolver().Resolve(Input(system: true, env: ("UV_PYTHON_SEARCH_PATH", Path.Combine(_root, "other")))));

        Assert.Equal(other, found.Executable);
    }

    [Fact]
    public void VIRTUAL_ENV_wins_over_a_dot_venv_and_is_a_virtual_environment()
    {
        var active = Venv("active");
        Venv("project/.venv");

        var found = Found(Resolver().Resolve(Input(cwd: Path.Combine(_root, "project"), env: ("VIRTUAL_ENV", active))));

        Assert.Equal(Path.Combine(active, "bin", "python3"), found.Executable);
        Assert.Equal(InterpreterKind.VirtualEnvironment, found.Kind);
    }

    [Fact]
    public void A_dot_venv_in_a_parent_of_the_working_directory_is_found()
    {
        var venv = Venv("project/.venv");
        Directory.CreateDirectory(Path.Combine(_root, "project", "src", "pkg"));

        var found = Found(Resolver().Resolve(Input(cwd: Path.Combine(_root, "project", "src", "pkg"))));

        Assert.Equal(Path.Combine(venv, "bin", "python3"), found.Executable);
    }

    [Fact]
    public void A_child_conda_environment_counts_as_a_virtual_environment_and_the_base_as_system()
    {
        Executable("conda/envs/analysis/bin/python3");
        Executable("conda/bin/python3");
        var child = Path.Combine(_root, "conda", "envs", "analysis");
        var baseEnv = Path.Combine(_root, "conda");

        var childFound = Found(Resolver().Resolve(Input(env: [("CONDA_PREFIX", child), ("CONDA_DEFAULT_ENV", "analysis")])));
        var baseFound = Found(Resolver().Resolve(Input(system: true, env: [("CONDA_PREFIX", baseEnv), ("CONDA_DEFAULT_ENV", "base")])));

        Assert.Equal(InterpreterKind.VirtualEnvironment, childFound.Kind);
        Assert.Equal(InterpreterKind.System, baseFound.Kind);
        Assert.Equal(Path.Combine(baseEnv, "bin", "python3"), baseFound.Executable);
    }

    [Fact]
    public void Without_a_venv_or_system_nothing_is_found_unless_user_was_asked_for()
    {
        var python3 = Executable("bin1/python3");

        Assert.IsType<Resolution.NotFound>(Resolver().Resolve(Input()));
        Assert.Equal(python3, Found(Resolver().Resolve(Input(user: true))).Executable);
    }

    [Fact]
    public void A_python_path_and_a_directory_are_taken_as_given()
    {
        var exe = Executable("opt/py/bin/python3");

        Assert.Equal(exe, Found(Resolver().Resolve(Input(python: exe))).Executable);
        Assert.Equal(exe, Found(Resolver().Resolve(Input(python: Path.Combine(_root, "opt", "py")))).Executable);
        Assert.Equal(exe, Found(Resolver().Resolve(Input(python: "./opt/py/bin/python3"))).Executable);
    }

    [Fact]
    public void A_python_path_that_does_not_exist_is_invalid()
    {
        var resolution = Resolver().Resolve(Input(python: "/nonexistent/python3"));

        Assert.Contains("no Python interpreter at /nonexistent/python3", Assert.IsType<Resolution.Invalid>(resolution).Message);
    }

    [Fact]
    public void A_bare_program_name_is_looked_up_on_PATH_not_on_UV_PYTHON_SEARCH_PATH()
    {
        var exe = Executable("bin2/python");
        Executable("other/python");

        var found = Found(Resolver().Resolve(Input(python: "python", env: ("UV_PYTHON_SEARCH_PATH", Path.Combine(_root, "other")))));

        Assert.Equal(exe, found.Executable);
        Assert.Equal(InterpreterSource.PythonOption, found.Source);
        Assert.Empty(_askedUv);
    }

    [Theory]
    [InlineData("python3.12")]
    [InlineData("python3")]
    [InlineData("pypy3")]
    [InlineData("cp312")]
    public void A_version_like_name_is_a_version_request_for_uv_even_with_that_program_on_PATH(string request)
    {
        Executable("bin1/" + request);
        var cwd = Path.Combine(_root, "work");
        Directory.CreateDirectory(cwd);

        var resolution = Resolver().Resolve(Input(python: request, system: true, cwd: cwd));

        Assert.Equal([(request, true, cwd)], _askedUv);
        Assert.IsType<Resolution.NotFound>(resolution);
    }

    [Fact]
    public void A_tilde_is_not_expanded_as_uv_does_not_expand_it()
    {
        Executable("py/bin/python3");

        var resolution = Resolver().Resolve(Input(python: "~/py/bin/python3", env: ("HOME", _root)));

        Assert.Contains(Path.Combine(_root, "~", "py", "bin", "python3"), Assert.IsType<Resolution.Invalid>(resolution).Message);
    }

    [Fact]
    public void A_version_request_is_answered_by_uv_python_find()
    {
        var found = Found(Resolver().Resolve(Input(python: "3.12", system: true)));

        Assert.Equal(InterpreterSource.AskedUv, found.Source);
        Assert.Equal([("3.12", true, _root)], _askedUv);
        Assert.IsType<Resolution.NotFound>(Resolver().Resolve(Input(python: "3.99")));
    }
}
