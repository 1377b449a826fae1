using System.Runtime.Versioning;
using UvShim.Decision;
using UvShim.Python;
using UvShim.Tests.Infrastructure;

using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Python;

/// <summary>
/// Before 3.11 there is no sysconfig "venv" scheme, and uv's <c>get_virtualenv()</c> asks distutils' install command
/// with prefix os.sep for the <c>--prefix</c> layout (uv 0.12.5 crates/uv-python/python/get_interpreter_info.py); the
/// probe asks the same. Run here against pyenv's CPythons where this machine has them: the layout chosen is
/// <c>--prefix</c> exactly when uv's layout under the user base puts packages in a directory the interpreter has on
/// sys.path once it exists (site adds the user site only then).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class OlderPythonLayoutSpecs
{
    [PyenvVersionFact("3.8")]
    public Task On_pyenvs_3_8_the_prefix_layout_comes_from_distutils_and_lands_on_sys_path() => Check("3.8");

    [PyenvVersionFact("3.9")]
    public Task On_pyenvs_3_9_the_prefix_layout_comes_from_distutils_and_lands_on_sys_path() => Check("3.9");

    [PyenvVersionFact("3.10")]
    public Task On_pyenvs_3_10_the_prefix_layout_comes_from_distutils_and_lands_on_sys_path() => Check("3.10");

    private static async Task Check(string minor)
    {
        var executable = PyenvVersionFactAttribute.Executable(minor)!;
        var probe = new UserSchemeProbe(TimeSpan.FromMinutes(1)).RunRaw(executable).Probe;
        using var user = TestUser.CreateCurrent();
        var userBase = Path.Combine(user.Scratch, "base");
        var purelib = Path.Combine(userBase, probe.PrefixLayout.Purelib);
        Directory.CreateDirectory(purelib);

        var environment = user.Environment();
        environment["PYTHONUSERBASE"] = userBase;
        var path = ShimProcessRunner.Run(user, executable, ["-c", "import sys; print('\\n'.join(sys.path))"], environment, timeout: TimeSpan.FromMinutes(1));

        Assert.True(path.ExitCode == 0, path.ToString());
        Assert.Equal($"lib/python{minor}/site-packages", probe.PrefixLayout.Purelib);
        Assert.Contains(purelib, path.StandardOutput.Split('\n'));
        Assert.Equal("bin", probe.PrefixLayout.Scripts);
        Assert.IsType<UserLayout.Prefix>(UserLayout.Choose(probe));
    }
}
