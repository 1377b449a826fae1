using UvShim.Python;

namespace UvShim.Tests.Python;

/// <summary>How uv 0.12.5 reads a <c>--python</c> value (crates/uv-python/src/discovery.rs <c>PythonRequest::parse</c>).</summary>
public sealed class PythonRequestSpecs : IDisposable
{
    private readonly string _cwd = Directory.CreateTempSubdirectory("uvshim-request-").FullName;

    public void Dispose() => Directory.Delete(_cwd, recursive: true);

    public static TheoryData<string, string> Requests => new()
    {
        // versions and implementations: uv searches venvs first, then installations
        { "3.12", "version" },
        { "312", "version" },
        { "3", "version" },
        { "3.12.1", "version" },
        { "3.13t", "version" },
        { ">=3.11,<3.13", "version" },
        { "~=3.12", "version" },
        { "python3.12", "version" },
        { "python3", "version" },
        { "Python3.12", "version" },
        { "python@3.12", "version" },
        { "pypy3", "version" },
        { "pypy", "version" },
        { "cp312", "version" },
        { "cpython@3.12", "version" },
        { "graalpy", "version" },
        { "any", "version" },
        { "Default", "version" },
        // uv decides: a download key, or a name its own lookup finds
        { "cpython-3.12-linux-x86_64-gnu", "version" },
        { "python3stuff", "version" },
        { "python3-dbg", "version" },
        { "jython", "version" },
        // a program name looked up on PATH only
        { "python", "name" },
        { "pythonw", "name" },
        // paths: a separator, even if nothing is there, and no ~ expansion
        { "/usr/bin/python3", "path" },
        { "./venv", "path" },
        { "bin/python3", "path" },
        { "~/venv", "path" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_python_value_is_read_as_uv_reads_it(string value, string kind) =>
        Assert.Equal(kind, KindOf(PythonRequest.Parse(value, _cwd)));

    [Fact]
    public void An_existing_file_or_directory_in_the_working_directory_is_a_path()
    {
        var work = Directory.CreateDirectory(Path.Combine(_cwd, "work")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_cwd, "elsewhere")).FullName;
        Directory.CreateDirectory(Path.Combine(work, "myvenv"));
        File.WriteAllText(Path.Combine(work, "python"), "");

        Assert.Equal("path", KindOf(PythonRequest.Parse("myvenv", work)));
        Assert.Equal("path", KindOf(PythonRequest.Parse("python", work)));
        Assert.Equal("version", KindOf(PythonRequest.Parse("myvenv", elsewhere)));
        Assert.Equal("name", KindOf(PythonRequest.Parse("python", elsewhere)));
    }

    [Fact]
    public void A_version_wins_over_a_directory_of_that_name_as_uv_tries_versions_first()
    {
        Directory.CreateDirectory(Path.Combine(_cwd, "3.12"));

        Assert.Equal("version", KindOf(PythonRequest.Parse("3.12", _cwd)));
    }

    private static string KindOf(PythonRequest request) =>
        request switch
        {
            PythonRequest.FilePath => "path",
            PythonRequest.ExecutableName => "name",
            PythonRequest.Other => "version",
            _ => throw new InvalidOperationException("unknown request"),
        };
}
