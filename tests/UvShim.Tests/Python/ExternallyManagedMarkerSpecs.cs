using UvShim.Decision;
using UvShim.Python;
using UvShim.Tests.Python;

namespace UvShim.Tests.Python;

/// <summary>
/// The marker as pip reads it (exceptions.py <c>ExternallyManagedEnvironment.from_config</c> on configparser). The
/// integration specs (ExternallyManagedRenderingSpecs) hold the same cases against pip itself.
/// </summary>
public sealed class ExternallyManagedMarkerSpecs : IDisposable
{
    private const string Debian = """
        [externally-managed]
        Error=To install Python packages system-wide, try apt install
         python3-xyz, where xyz is the package you are trying to
         install.

         See /usr/share/doc/python3.11/README.venv for more information.
        """;

    private readonly string _stdlib = Directory.CreateTempSubdirectory("uvshim-marker-").FullName;

    public void Dispose() => Directory.Delete(_stdlib, recursive: true);

    private ExternallyManaged? Read(byte[] marker, string? language = null, List<string>? asked = null)
    {
        File.WriteAllBytes(Path.Combine(_stdlib, "EXTERNALLY-MANAGED"), marker);
        var probe = RecordedProbes.Load("linux-debian-3.11") with { Stdlib = _stdlib, Prefix = "/usr" };
        return ExternallyManagedMarker.Read(probe, () =>
        {
            asked?.Add("asked");
            return language;
        });
    }

    private ExternallyManaged? Read(string marker, string? language = null, List<string>? asked = null) =>
        Read(System.Text.Encoding.UTF8.GetBytes(marker), language, asked);

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
    [InlineData("C", "fallback")]
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

    [Fact]
    public void Without_an_error_key_pips_default_text_names_the_prefix_and_ends_with_a_newline()
    {
        var marker = Read("[externally-managed]\nNote=x\n");

        Assert.NotNull(marker);
        Assert.False(marker.Unreadable);
        Assert.Equal(ExternallyManagedMarker.DefaultText("/usr"), marker.ErrorText);
        Assert.StartsWith("The Python environment under /usr is managed externally", marker.ErrorText);
        Assert.EndsWith("instead.\n", marker.ErrorText);
    }

    [Theory]
    [InlineData("[externally-managed]\nError=\n  first\n\n  second\n", "\nfirst\n\nsecond")]
    [InlineData("[DEFAULT]\nError=from default\n[externally-managed]\nOther=1\n", "from default")]
    [InlineData("[externally-managed]\nError = one\n # comment\n two\n", "one\ntwo")]
    [InlineData("[externally-managed]\r\nError = one\r\n two\r\n", "one\ntwo")]
    [InlineData("[externally-managed]\nERROR : colon\n", "colon")]
    [InlineData("[externally-managed]\n  Error = indented key\n  continued? no: same indent\n", "indented key")]
    public void The_text_follows_configparser_defaults_comments_continuations_and_key_case(string ini, string expected)
    {
        var marker = Read(ini);

        Assert.NotNull(marker);
        Assert.False(marker.Unreadable);
        Assert.Equal(expected, marker.ErrorText);
    }

    [Theory]
    [InlineData(new byte[] { 0x5b, 0x65, 0x78, 0x74, 0x65, 0x72, 0x6e, 0x61, 0x6c, 0x6c, 0x79, 0x2d, 0x6d, 0x61, 0x6e, 0x61, 0x67, 0x65, 0x64, 0x5d, 0x0a, 0x45, 0x72, 0x72, 0x6f, 0x72, 0x3d, 0x63, 0x61, 0x66, 0xe9, 0x0a })]
    [InlineData(new byte[] { 0xef, 0xbb, 0xbf, 0x5b, 0x78, 0x5d, 0x0a })]
    public void A_marker_pip_cannot_decode_gets_the_default_text_and_pips_warning(byte[] bytes)
    {
        var marker = Read(bytes);

        Assert.NotNull(marker);
        Assert.True(marker.Unreadable);
        Assert.Equal(ExternallyManagedMarker.DefaultText("/usr"), marker.ErrorText);
    }

    [Theory]
    [InlineData("junk line\n[externally-managed]\nError=x\n")]
    [InlineData("[externally-managed]\nno delimiter here\nError=x\n")]
    // pip itself stops with a traceback on a repeated key or section (configparser's Duplicate*Error is not caught there).
    [InlineData("[externally-managed]\nError=x\nError=y\n")]
    [InlineData("[externally-managed]\nError=x\n[externally-managed]\nOther=y\n")]
    public void A_marker_configparser_rejects_gets_the_default_text_and_pips_warning(string ini)
    {
        var marker = Read(ini);

        Assert.NotNull(marker);
        Assert.True(marker.Unreadable);
        Assert.Contains("managed externally", marker.ErrorText);
    }

    [Fact]
    public void The_interpreter_is_asked_for_its_language_only_when_the_marker_has_localized_texts()
    {
        var asked = new List<string>();

        var plain = Read(Debian, "de_DE", asked);
        Assert.Empty(asked);
        var localized = Read("[externally-managed]\nError = plain\nError-de = deutsch\n", "de_DE", asked);

        Assert.Single(asked);
        Assert.StartsWith("To install", plain!.ErrorText);
        Assert.Equal("deutsch", localized!.ErrorText);
    }

    [Fact]
    public void The_C_locale_is_known_without_asking_the_interpreter()
    {
        var env = new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "C" };

        Assert.Null(MessagesLanguage.Of("/nonexistent/python3", env, TimeSpan.FromSeconds(1)));
        Assert.Null(MessagesLanguage.Of("/nonexistent/python3", new Dictionary<string, string>(), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void In_a_venv_there_is_no_marker_to_read()
    {
        File.WriteAllText(Path.Combine(_stdlib, "EXTERNALLY-MANAGED"), Debian);
        var probe = RecordedProbes.Load("linux-venv-3.12") with { Stdlib = _stdlib };

        Assert.Null(ExternallyManagedMarker.Read(probe, () => null));
    }
}
