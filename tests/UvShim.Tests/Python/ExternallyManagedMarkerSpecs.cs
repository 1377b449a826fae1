using UvShim.Python;

namespace UvShim.Tests.Python;

public class ExternallyManagedMarkerSpecs
{
    private const string Debian = """
        [externally-managed]
        Error=To install Python packages system-wide, try apt install
         python3-xyz, where xyz is the package you are trying to
         install.

         See /usr/share/doc/python3.11/README.venv for more information.
        """;

    [Fact]
    public void The_error_text_keeps_its_lines_and_inner_blank_lines_as_configparser_does()
    {
        var text = ExternallyManagedMarker.ErrorText(Debian, null);

        Assert.Equal(
            "To install Python packages system-wide, try apt install\npython3-xyz, where xyz is the package you are trying to\ninstall.\n\nSee /usr/share/doc/python3.11/README.venv for more information.",
            text);
    }

    [Theory]
    [InlineData("de_DE", "deutsch")]
    [InlineData("de", "deutsch")]
    [InlineData("fr_FR", "fallback")]
    [InlineData(null, "fallback")]
    public void A_localized_error_is_chosen_by_language_then_falls_back(string? language, string expected)
    {
        const string ini = "[externally-managed]\nError = fallback\nError-de = deutsch\n";

        Assert.Equal(expected, ExternallyManagedMarker.ErrorText(ini, language));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[other]\nError=x\n")]
    [InlineData("[externally-managed]\nNote=x\n")]
    public void A_marker_without_an_error_key_yields_no_text_so_pips_default_is_used(string ini)
    {
        Assert.Null(ExternallyManagedMarker.ErrorText(ini, null));
    }

    [Theory]
    [InlineData("de_DE.UTF-8", "de_DE")]
    [InlineData("C.UTF-8", null)]
    [InlineData("POSIX", null)]
    public void The_language_comes_from_the_locale_variables(string lang, string? expected)
    {
        Assert.Equal(expected, ExternallyManagedMarker.Language(new Dictionary<string, string> { ["LANG"] = lang }));
    }
}
