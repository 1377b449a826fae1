using UvShim.Decision;
using UvShim.Tests.Python;

namespace UvShim.Tests.Decision;

/// <summary>The layout choice (docs/design.md, "Layouts") from probe outputs recorded or derived per platform (TestData/probes).</summary>
public class UserLayoutSpecs
{
    [Theory]
    [InlineData("linux-debian-3.11", "/home/tester/.local")]
    [InlineData("linux-pyenv-3.13", "/home/tester/.local")]
    [InlineData("linux-pyenv-3.8", "/home/tester/.local")]
    [InlineData("linux-debian11-3.9", "/home/tester/.local")]
    [InlineData("linux-ubuntu2004-3.8", "/home/tester/.local")]
    [InlineData("linux-freethreaded-3.13t", "/home/tester/.local")]
    [InlineData("linux-conda-base-3.12", "/home/tester/.local")]
    public void Where_uvs_prefix_layout_is_the_user_scheme_the_user_base_becomes_the_prefix(string probe, string userBase)
    {
        var layout = UserLayout.Choose(RecordedProbes.Load(probe));

        var prefix = Assert.IsType<UserLayout.Prefix>(layout);
        Assert.Equal(userBase, prefix.UserBase);
        Assert.Equal(userBase + "/bin", prefix.ScriptsDirectory);
    }

    public static TheoryData<string, string, string, string, string> TargetLayouts => new()
    {
        { "linux-fedora-lib64-3.12", "/home/tester/.local/lib/python3.12/site-packages",
            "/home/tester/.local/lib/python3.12/site-packages/bin", "/home/tester/.local/bin", "platlib" },
        { "windows-x64-3.13", @"C:\Users\tester\AppData\Roaming\Python\Python313\site-packages",
            @"C:\Users\tester\AppData\Roaming\Python\Python313\site-packages\bin", @"C:\Users\tester\AppData\Roaming\Python\Python313\Scripts", "purelib" },
        { "windows-x86-3.13", @"C:\Users\tester\AppData\Roaming\Python\Python313-32\site-packages",
            @"C:\Users\tester\AppData\Roaming\Python\Python313-32\site-packages\bin", @"C:\Users\tester\AppData\Roaming\Python\Python313-32\Scripts", "purelib" },
        { "windows-x64-freethreaded-3.13t", @"C:\Users\tester\AppData\Roaming\Python\Python313t\site-packages",
            @"C:\Users\tester\AppData\Roaming\Python\Python313t\site-packages\bin", @"C:\Users\tester\AppData\Roaming\Python\Python313t\Scripts", "purelib" },
        { "macos-framework-3.13", "/Users/tester/Library/Python/3.13/lib/python/site-packages",
            "/Users/tester/Library/Python/3.13/lib/python/site-packages/bin", "/Users/tester/Library/Python/3.13/bin", "purelib" },
        { "macos-homebrew-3.13", "/Users/tester/Library/Python/3.13/lib/python/site-packages",
            "/Users/tester/Library/Python/3.13/lib/python/site-packages/bin", "/Users/tester/Library/Python/3.13/bin", "purelib" },
        { "macos-framework-freethreaded-3.13t", "/Users/tester/Library/PythonT/3.13/lib/python/site-packages",
            "/Users/tester/Library/PythonT/3.13/lib/python/site-packages/bin", "/Users/tester/Library/PythonT/3.13/bin", "purelib" },
    };

    [Theory]
    [MemberData(nameof(TargetLayouts))]
    public void Where_the_layouts_differ_the_user_site_becomes_the_target_and_the_scripts_directory_is_named(
        string probe, string userSite, string scripts, string userScripts, string firstDifference)
    {
        var layout = UserLayout.Choose(RecordedProbes.Load(probe));

        var target = Assert.IsType<UserLayout.Target>(layout);
        Assert.Equal(userSite, target.UserSite);
        Assert.Equal(scripts, target.ScriptsDirectory);
        Assert.Equal(userScripts, target.UserScripts);
        Assert.StartsWith($"uv's --prefix would put {firstDifference} in", target.Difference);
    }

    [Theory]
    [MemberData(nameof(TargetLayouts))]
    public void The_target_note_says_where_scripts_went_instead_and_how_to_reach_them(
        string probe, string userSite, string scripts, string userScripts, string firstDifference)
    {
        _ = firstDifference;
        var recorded = RecordedProbes.Load(probe);
        var target = Assert.IsType<UserLayout.Target>(UserLayout.Choose(recorded));

        var note = TargetLayoutNote.For(target, recorded.IsWindows, scriptsOnPath: false);

        Assert.StartsWith($"installing with --target {userSite}: console scripts go to {scripts}, not to {userScripts} where pip would put them; ", note);
        if (recorded.IsWindows)
        {
            Assert.EndsWith($"to run them, add {scripts} to your user Path (PowerShell: [Environment]::SetEnvironmentVariable('Path', "
                + $"[Environment]::GetEnvironmentVariable('Path', 'User') + ';{scripts}', 'User'), then open a new terminal)", note);
        }
        else
        {
            Assert.EndsWith($"to run them, add {scripts} to PATH (export PATH=\"{scripts}:$PATH\" in your shell's profile)", note);
        }
    }

    [Theory]
    [InlineData("macos-homebrew-3.13")]
    [InlineData("windows-x64-3.13")]
    public void When_the_scripts_directory_is_on_PATH_already_the_note_only_says_where_they_went(string probe)
    {
        var recorded = RecordedProbes.Load(probe);
        var target = Assert.IsType<UserLayout.Target>(UserLayout.Choose(recorded));

        var note = TargetLayoutNote.For(target, recorded.IsWindows, scriptsOnPath: true);

        Assert.EndsWith($"where pip would put them; {target.ScriptsDirectory} is on PATH", note);
        Assert.DoesNotContain("to run them", note);
    }

    [Fact]
    public void Quotes_in_a_scripts_directory_are_escaped_for_the_shell_and_for_PowerShell()
    {
        var posix = new UserLayout.Target("/home/o\"b$x/site", "/home/o\"b$x/site/bin", "/home/o\"b$x/bin", "d");
        var windows = new UserLayout.Target(@"C:\Users\o'brien\site", @"C:\Users\o'brien\site\bin", @"C:\Users\o'brien\Scripts", "d");

        Assert.Contains("export PATH=\"/home/o\\\"b\\$x/site/bin:$PATH\"", TargetLayoutNote.For(posix, windows: false, scriptsOnPath: false));
        Assert.Contains(@"';C:\Users\o''brien\site\bin', 'User')", TargetLayoutNote.For(windows, windows: true, scriptsOnPath: false));
    }
}
