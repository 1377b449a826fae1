using UvShim.Planning;
using UvShim.Tests.Python;

namespace UvShim.Tests.Planning;

public class ScriptsOnPathSpecs
{
    private static readonly UvShim.Python.InterpreterProbe Probe = RecordedProbes.Load("linux-pyenv-3.13");

    [Fact]
    public void A_scripts_directory_missing_from_PATH_gets_pips_warning()
    {
        var warning = ScriptsOnPath.Warning("/home/tester/.local/bin", Probe, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" });

        Assert.Equal(
            "WARNING: Scripts of these packages will be installed in '/home/tester/.local/bin' which is not on PATH.\n"
            + "Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.",
            warning);
    }

    [Theory]
    [InlineData("/usr/bin:/home/tester/.local/bin")]
    [InlineData("/home/tester/.local/bin/:/usr/bin")]
    public void A_scripts_directory_on_PATH_gets_no_warning(string path) =>
        Assert.Null(ScriptsOnPath.Warning("/home/tester/.local/bin", Probe, new Dictionary<string, string> { ["PATH"] = path }));

    [Fact]
    public void A_PATH_entry_starting_with_a_tilde_adds_pips_note()
    {
        var warning = ScriptsOnPath.Warning("/home/tester/.local/bin", Probe, new Dictionary<string, string> { ["PATH"] = "~/.local/bin:/usr/bin" });

        Assert.EndsWith("NOTE: The current PATH contains path(s) starting with `~`, which may not be expanded by all applications.", warning);
    }
}
