using UvShim.Arguments;
using UvShim.Planning;

namespace UvShim.Tests.Planning;

public class SyncTranslationSpecs
{
    [Fact]
    public void Selection_options_go_to_export_and_install_options_to_pip_install()
    {
        var translation = SyncTranslation.ForSync(UvArguments.Parse(
            ["-q", "sync", "--frozen", "--no-dev", "--extra", "web", "--reinstall", "--index-url", "https://example.invalid/simple", "--inexact", "--offline"]));

        Assert.Null(translation.Untranslatable);
        Assert.Equal(["--frozen", "--no-dev", "--extra", "web", "--index-url", "https://example.invalid/simple"], translation.Export);
        Assert.Equal(["--reinstall", "--index-url", "https://example.invalid/simple"], translation.Install);
    }

    // uv 0.12.5 crates/uv-cli/src/lib.rs BuildOptionsArgs (sync, export) against PipInstallArgs' --no-binary/--only-binary.
    [Theory]
    [InlineData("--no-binary", "", "--no-binary", "--no-binary :all:")]
    [InlineData("--binary", "", "--binary", "")]
    [InlineData("--no-binary-package", "numpy", "--no-binary-package numpy", "--no-binary numpy")]
    [InlineData("--no-build-package", "numpy", "--no-build-package numpy", "--only-binary numpy")]
    [InlineData("--no-build", "", "--no-build", "--no-build")]
    [InlineData("--no-build-isolation-package", "sdist", "--no-build-isolation-package sdist", "--no-build-isolation-package sdist")]
    public void Build_options_keep_their_project_spelling_for_export_and_get_pip_installs_spelling(
        string option, string value, string export, string install)
    {
        var translation = SyncTranslation.ForSync(UvArguments.Parse(value.Length == 0 ? ["sync", option] : ["sync", option, value]));

        Assert.Null(translation.Untranslatable);
        Assert.Equal(export, string.Join(' ', translation.Export));
        Assert.Equal(install, string.Join(' ', translation.Install));
    }

    [Theory]
    [InlineData("--exact", "--exact: it would remove every package")]
    [InlineData("--active", "--active:")]
    [InlineData("--check", "--check:")]
    [InlineData("--bogus", "--bogus: uvshim does not know it")]
    public void Options_without_a_faithful_translation_are_named(string option, string expected)
    {
        var translation = SyncTranslation.ForSync(UvArguments.Parse(["sync", option]));

        Assert.StartsWith(expected, translation.Untranslatable);
    }

    [Fact]
    public void Run_options_that_select_what_is_synced_go_to_export_and_the_rest_stay_with_the_run()
    {
        var translation = SyncTranslation.ForRun(UvArguments.Parse(
            ["run", "--extra", "web", "--package", "app", "--with", "rich", "--env-file", ".env", "--frozen", "python", "-c", "1"]));

        Assert.Null(translation.Untranslatable);
        Assert.Equal(["--extra", "web", "--package", "app", "--frozen"], translation.Export);
        Assert.Equal(["--extra", "--package", "--frozen"], translation.Selection.Select(o => o.Name));
    }

    [Fact]
    public void After_add_only_the_no_install_options_and_where_packages_come_from_carry_over()
    {
        var translation = SyncTranslation.ForEdit(UvArguments.Parse(
            ["add", "--dev", "--upgrade", "--no-install-project", "--index-url", "https://example.invalid/simple", "httpx"]));

        Assert.Null(translation.Untranslatable);
        Assert.Equal(["--no-install-project", "--index-url", "https://example.invalid/simple"], translation.Export);
        Assert.Equal(["--index-url", "https://example.invalid/simple"], translation.Install);
    }
}
