using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// Environments made the way their owners make them: venvs by the interpreter's own <c>python -m venv --without-pip</c>
/// (no ensurepip, which Debian ships apart), and a conda environment other than base as conda leaves one: a prefix with
/// <c>conda-meta/</c>, activated through <c>CONDA_PREFIX</c> and <c>CONDA_DEFAULT_ENV</c>. "Shared" ones belong to the
/// test process (root, as on a JupyterHub image) and cannot be written by the test user.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class Environments
{
    /// <summary>A venv the test user cannot write (root's, or with its write bits removed when the tests do not run as root).</summary>
    public static string CreateSharedVenv(TestInterpreter python, params string[] options)
    {
        var venv = Path.Combine(TestRunDirectory.CreateSubdirectory("shared-venv"), "venv");
        using var owner = TestUser.CreateCurrent();
        var created = ShimProcessRunner.Run(owner, python.Executable, ["-m", "venv", "--without-pip", .. options, venv], owner.Environment(IntegrationFixture.PathWith(python)));
        Assert.True(created.ExitCode == 0, created.ToString());
        if (!Posix.IsRoot)
        {
            TreeCopy.RemoveWriteBits(venv);
        }
        return venv;
    }

    /// <summary>A venv the test user made, in its HOME.</summary>
    public static string CreateOwnVenv(TestUser user, TestInterpreter python, params string[] options)
    {
        var venv = Path.Combine(user.CreateDirectory("own-venv"), "venv");
        var created = ShimProcessRunner.Run(user, python.Executable, ["-m", "venv", "--without-pip", .. options, venv], user.Environment(IntegrationFixture.PathWith(python)));
        Assert.True(created.ExitCode == 0, created.ToString());
        return venv;
    }

    /// <summary>The venv's interpreter as uvshim names it: <c>bin/python3</c> (a link, not resolved).</summary>
    public static string Python(string venv) => Path.Combine(venv, "bin", "python3");

    /// <summary>The venv's purelib.</summary>
    public static string SitePackages(string venv, TestInterpreter python) => Path.Combine(venv, "lib", $"python{python.MajorMinor}", "site-packages");

    /// <summary>The environment of a shell with the venv activated (VIRTUAL_ENV, its bin first on PATH).</summary>
    public static Dictionary<string, string> Activated(Dictionary<string, string> environment, string venv, TestInterpreter python)
    {
        environment["VIRTUAL_ENV"] = venv;
        environment["PATH"] = IntegrationFixture.PathWith(null, Path.Combine(venv, "bin"), python.BinDirectory);
        return environment;
    }

    /// <summary>A conda environment other than base, shared (the test user cannot write it): a private interpreter copy with conda-meta/.</summary>
    public static TestInterpreter CreateSharedCondaEnvironment()
    {
        var copy = TestInterpreters.CreatePrivateWritableCopy("conda-env");
        var meta = Path.Combine(copy.Prefix, "conda-meta");
        Directory.CreateDirectory(meta);
        File.WriteAllText(Path.Combine(meta, "history"), "==> 2026-01-01 00:00:00 <==\n# cmd: conda create -n shared python\n");
        if (!Posix.IsRoot)
        {
            TreeCopy.RemoveWriteBits(copy.Prefix);
        }
        return copy;
    }

    /// <summary>The environment of a shell where <c>conda activate</c> made <paramref name="prefix"/> the active environment.</summary>
    public static Dictionary<string, string> CondaActivated(Dictionary<string, string> environment, string prefix)
    {
        environment["CONDA_PREFIX"] = prefix;
        environment["CONDA_DEFAULT_ENV"] = Path.GetFileName(prefix);
        environment["PATH"] = IntegrationFixture.PathWith(null, Path.Combine(prefix, "bin"));
        return environment;
    }
}
