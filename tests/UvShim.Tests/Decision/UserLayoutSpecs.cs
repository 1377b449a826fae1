using UvShim.Decision;
using UvShim.Tests.Python;

namespace UvShim.Tests.Decision;

public class UserLayoutSpecs
{
    [Theory]
    [InlineData("linux-debian-3.11", "/home/tester/.local")]
    [InlineData("linux-pyenv-3.13", "/home/tester/.local")]
    [InlineData("linux-pyenv-3.8", "/home/tester/.local")]
    [InlineData("linux-freethreaded-3.13t", "/home/tester/.local")]
    public void Where_uvs_prefix_layout_is_the_user_scheme_the_user_base_becomes_the_prefix(string probe, string userBase)
    {
        var layout = UserLayout.Choose(RecordedProbes.Load(probe));

        var prefix = Assert.IsType<UserLayout.Prefix>(layout);
        Assert.Equal(userBase, prefix.UserBase);
    }

    [Theory]
    [InlineData("linux-fedora-lib64-3.12", "/home/tester/.local/lib/python3.12/site-packages",
        "/home/tester/.local/lib/python3.12/site-packages/bin", "/home/tester/.local/bin", "platlib")]
    [InlineData("windows-x64-3.13", @"C:\Users\tester\AppData\Roaming\Python\Python313\site-packages",
        @"C:\Users\tester\AppData\Roaming\Python\Python313\site-packages\bin", @"C:\Users\tester\AppData\Roaming\Python\Python313\Scripts", "purelib")]
    [InlineData("windows-x86-3.13", @"C:\Users\tester\AppData\Roaming\Python\Python313-32\site-packages",
        @"C:\Users\tester\AppData\Roaming\Python\Python313-32\site-packages\bin", @"C:\Users\tester\AppData\Roaming\Python\Python313-32\Scripts", "purelib")]
    [InlineData("macos-framework-3.13", "/Users/tester/Library/Python/3.13/lib/python/site-packages",
        "/Users/tester/Library/Python/3.13/lib/python/site-packages/bin", "/Users/tester/Library/Python/3.13/bin", "purelib")]
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
}
