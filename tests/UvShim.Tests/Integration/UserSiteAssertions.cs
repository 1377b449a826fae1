using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>Checks, as the test user, that a wheel landed in that user's site and works from there.</summary>
[SupportedOSPlatform("linux")]
internal static class UserSiteAssertions
{
    /// <summary>
    /// The arguments without uvshim's private constraints file (<c>--constraints &lt;TMPDIR&gt;/uvshim-…/constraints.txt</c>),
    /// which pins what the interpreter's system site-packages has (Debian's python3-* packages); asserts it was there.
    /// </summary>
    public static IReadOnlyList<string> WithoutSystemSitePins(IReadOnlyList<string> arguments)
    {
        var at = arguments.ToList().IndexOf("--constraints");
        Assert.True(at >= 0 && at + 1 < arguments.Count && arguments[at + 1].EndsWith("/constraints.txt", StringComparison.Ordinal),
            $"no private constraints file in {string.Join(' ', arguments)}");
        return [.. arguments.Take(at), .. arguments.Skip(at + 2)];
    }

    /// <summary>
    /// A <c>pip install --no-index &lt;wheel&gt;</c> that uvshim sent to the user base: uv got <c>--prefix &lt;user base&gt;
    /// --python &lt;interpreter&gt;</c> after <c>install</c>, ran as uvshim's child (the user's scripts directory is off
    /// PATH, so uvshim names the script afterwards), and the wheel works from the user site.
    /// </summary>
    public static void InstalledIntoUserBaseAsChild(ProcessResult result, TestUser user, TestInterpreter python, BuiltWheel wheel)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, "--no-index", wheel.Path], result.SingleRecord.Arguments);
        Assert.NotEqual(result.ProcessId, result.SingleRecord.ProcessId);
        InstalledForUser(user, python, wheel);
    }

    /// <summary>The package imports with a plain <c>python</c> (user site on sys.path, no PYTHONPATH),
    /// and the console script is in <c>~/.local/bin</c>, executable, and runs.</summary>
    public static void InstalledForUser(TestUser user, TestInterpreter python, BuiltWheel wheel)
    {
        Assert.True(
            File.Exists(Path.Combine(python.UserSitePackages(user), wheel.ImportName, "__init__.py")),
            $"{wheel.ImportName} is not in the user site {python.UserSitePackages(user)}");

        var environment = user.Environment(IntegrationFixture.PathWith(python));
        var imported = ShimProcessRunner.Run(user, python.Executable, ["-c", $"import {wheel.ImportName}; print({wheel.ImportName}.GREETING)"], environment);
        Assert.True(imported.ExitCode == 0, $"import failed: {imported}");
        Assert.Equal(wheel.Greeting, imported.StandardOutput.Trim());

        var script = Path.Combine(python.UserScripts(user), wheel.ScriptName);
        Assert.True(File.Exists(script), $"console script {script} is missing");
        Assert.NotEqual(default, File.GetUnixFileMode(script) & UnixFileModes.AnyExecute);
        var ran = ShimProcessRunner.Run(user, script, [], environment);
        Assert.True(ran.ExitCode == 0, $"console script failed: {ran}");
        Assert.Equal(wheel.Greeting, ran.StandardOutput.Trim());
    }
}
