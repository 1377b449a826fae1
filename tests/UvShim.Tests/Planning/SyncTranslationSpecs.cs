using UvShim.Arguments;
using UvShim.Planning;

namespace UvShim.Tests.Planning;

public class SyncTranslationSpecs
{
    [Fact]
    public void Selection_options_go_to_export_install_options_to_pip_install_and_globals_to_both()
    {
        var translation = SyncTranslation.From(UvArguments.Parse(
            ["-q", "sync", "--frozen", "--no-dev", "--extra", "web", "--reinstall", "--index-url", "https://example.invalid/simple", "--inexact", "--offline"]));

        Assert.Null(translation.Untranslatable);
        Assert.Equal(["--quiet", "--offline"], translation.Global);
        Assert.Equal(["--frozen", "--no-dev", "--extra", "web", "--index-url", "https://example.invalid/simple"], translation.Export);
        Assert.Equal(["--reinstall", "--index-url", "https://example.invalid/simple"], translation.Install);
    }

    [Theory]
    [InlineData("--exact", "--exact: it would remove every package")]
    [InlineData("--active", "--active:")]
    [InlineData("--check", "--check:")]
    [InlineData("--bogus", "--bogus: uvshim does not know it")]
    public void Options_without_a_faithful_translation_are_named(string option, string expected)
    {
        var translation = SyncTranslation.From(UvArguments.Parse(["sync", option]));

        Assert.StartsWith(expected, translation.Untranslatable);
    }
}
