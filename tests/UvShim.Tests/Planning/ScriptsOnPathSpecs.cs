using UvShim.Execution;
using UvShim.Planning;
using UvShim.Tests.Python;

namespace UvShim.Tests.Planning;

public class ScriptsOnPathSpecs
{
    private const string Advice = "Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.";

    private static readonly UvShim.Python.InterpreterProbe Probe = RecordedProbes.Load("linux-pyenv-3.13");

    private static Dictionary<string, string> Path(string path) => new() { ["PATH"] = path };

    [Fact]
    public void One_script_gets_pips_singular_warning()
    {
        var message = ScriptsOnPath.Message("/home/tester/.local/bin", ["black"], tildeOnPath: false);

        Assert.Equal($"WARNING: The script black is installed in '/home/tester/.local/bin' which is not on PATH.\n{Advice}", message);
    }

    [Theory]
    [InlineData(new[] { "blackd", "black" }, "scripts black and blackd are")]
    [InlineData(new[] { "z", "a", "M" }, "scripts M, a and z are")]
    public void Several_scripts_get_pips_plural_warning_sorted_as_python_sorts(string[] scripts, string expected)
    {
        var message = ScriptsOnPath.Message("/home/tester/.local/bin", scripts, tildeOnPath: false);

        Assert.StartsWith($"WARNING: The {expected} installed in '/home/tester/.local/bin' which is not on PATH.\n", message);
    }

    [Fact]
    public void A_PATH_entry_starting_with_a_tilde_adds_pips_note()
    {
        var watch = ScriptsOnPath.Watch("/home/tester/.local/bin", [], Probe, Path("~/.local/bin:/usr/bin"));

        Assert.NotNull(watch);
        Assert.EndsWith(
            "NOTE: The current PATH contains path(s) starting with `~`, which may not be expanded by all applications.",
            ScriptsOnPath.Message(watch.ScriptsDirectory, ["x"], watch.TildeOnPath));
    }

    [Fact]
    public void A_scripts_directory_missing_from_PATH_is_watched()
    {
        var watch = ScriptsOnPath.Watch("/home/tester/.local/bin", ["/site"], Probe, Path("/usr/bin:/bin"));

        Assert.NotNull(watch);
        Assert.Equal("/home/tester/.local/bin", watch.ScriptsDirectory);
        Assert.Equal(["/site"], watch.SiteDirectories);
        Assert.False(watch.TildeOnPath);
    }

    [Theory]
    [InlineData("/usr/bin:/home/tester/.local/bin")]
    [InlineData("/home/tester/.local/bin/:/usr/bin")]
    public void A_scripts_directory_on_PATH_is_not_watched(string path) =>
        Assert.Null(ScriptsOnPath.Watch("/home/tester/.local/bin", [], Probe, Path(path)));

    [Fact]
    public void The_interpreters_own_directory_is_not_watched() =>
        Assert.Null(ScriptsOnPath.Watch(System.IO.Path.GetDirectoryName(Probe.Executable)!, [], Probe, Path("/usr/bin")));

    [Fact]
    public void Console_scripts_are_read_as_importlib_metadata_reads_entry_points()
    {
        var distInfo = Directory.CreateTempSubdirectory("uvshim-entry-points-").FullName;
        try
        {
            File.WriteAllText(System.IO.Path.Combine(distInfo, "entry_points.txt"),
                "[gui_scripts]\ngui = a:b\n\n# a comment\n[console_scripts]\nblack = black:patched_main\n  blackd=blackd:main [d]\n; another\n[other]\nx = y\n");

            Assert.Equal(["black", "blackd"], InstalledScripts.ConsoleScripts(distInfo));
        }
        finally
        {
            Directory.Delete(distInfo, recursive: true);
        }
    }
}
