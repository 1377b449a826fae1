using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using Xunit;

namespace UvShim.Tests.Integration;

/// <summary>
/// The PEP 668 refusal as pip renders it: for the same interpreter, marker and environment, uvshim's standard error is
/// pip's (Debian's pip, run as the test user) with <c>uvshim: </c> in front, and nothing is installed. pip exits 1,
/// uvshim 2 (uv's code for what it refuses; README "Where uvshim differs from pip"). The markers go into a private copy
/// the test user cannot write, so both pip and uvshim reach the check for a user install.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ExternallyManagedRenderingSpecs(IntegrationFixture fixture, MarkedInterpreter marked)
    : IClassFixture<IntegrationFixture>, IClassFixture<MarkedInterpreter>
{
    public static TheoryData<string, string> Markers => new()
    {
        { "Debian's own", File.Exists("/usr/lib/python3.11/EXTERNALLY-MANAGED") ? File.ReadAllText("/usr/lib/python3.11/EXTERNALLY-MANAGED") : "[externally-managed]\nError=To install Python packages system-wide, try apt install\n python3-xyz.\n\n See the README.\n" },
        { "no Error key: pip's default text", "[externally-managed]\nNote = nothing to show\n" },
        { "an empty first line", "[externally-managed]\nError =\n  first\n\n  second\n" },
        { "a comment inside the value", "[externally-managed]\nError = one\n # not shown\n two\n" },
        { "the DEFAULT section", "[DEFAULT]\nError = from DEFAULT\n[externally-managed]\nOther = 1\n" },
        { "a tab", "[externally-managed]\nError = a\tb\n  c\td\n" },
        { "no section header: pip's warning", "Error = before any section\n[externally-managed]\nError = x\n" },
        { "a line that is no key: pip's warning", "[externally-managed]\nError = x\njust words\n" },
        { "Windows line ends", "[externally-managed]\r\nError = one\r\n two\r\n" },
    };

    [PipReferenceTheory]
    [MemberData(nameof(Markers))]
    public void The_refusal_is_pips_to_the_byte(string name, string marker)
    {
        _ = name;
        Compare(Encoding.UTF8.GetBytes(marker));
    }

    [PipReferenceFact]
    public void On_Debians_own_python_the_refusal_is_pips_to_the_byte()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        var pip = PipReference.Run(user, python.Executable, ["install", "--no-index", fixture.Wheel.Path], environment);
        var shim = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path], environment);

        Assert.True(pip.ExitCode == 1 && pip.StandardError.Contains("externally-managed-environment", StringComparison.Ordinal), pip.ToString());
        Assert.True(shim.ExitCode == 2, shim.ToString());
        Assert.Equal("uvshim: " + pip.StandardError, shim.StandardError);
        Assert.Empty(shim.Records);
    }

    [PipReferenceFact]
    public void A_marker_that_is_not_UTF_8_gets_pips_warning_and_default_text()
    {
        Compare([.. "[externally-managed]\nError = caf"u8, 0xe9, (byte)'\n']);
    }

    [PipReferenceFact]
    public void A_marker_the_user_cannot_read_gets_pips_default_text_without_a_warning()
    {
        var result = Compare(Encoding.UTF8.GetBytes("[externally-managed]\nError = secret\n"), UnixFileMode.None);

        Assert.DoesNotContain("secret", result.StandardError);
        Assert.DoesNotContain("WARNING", result.StandardError);
    }

    public static TheoryData<string, string[]> Locales => new()
    {
        { "no locale variables", [] },
        { "LANG=C.UTF-8: Python names the language C", ["LANG", "C.UTF-8"] },
        { "a locale this system does not have: setlocale fails", ["LANG", "de_DE.UTF-8"] },
        { "LC_ALL before LANG", ["LANG", "C.UTF-8", "LC_ALL", "POSIX"] },
        { "LC_MESSAGES before LANG", ["LANG", "de_DE.UTF-8", "LC_MESSAGES", "C.UTF-8"] },
    };

    [PipReferenceTheory]
    [MemberData(nameof(Locales))]
    public void The_text_is_chosen_for_the_locale_pip_would_pick(string name, string[] variables)
    {
        _ = name;
        var environment = Enumerable.Range(0, variables.Length / 2).Select(i => (variables[2 * i], variables[2 * i + 1])).ToArray();

        Compare(Encoding.UTF8.GetBytes(LocalizedMarker), extra: environment);
    }

    [GermanLocaleFact]
    public void An_installed_German_locale_picks_the_German_text_as_pip_does()
    {
        var locales = GermanLocale.Directory;

        var result = Compare(Encoding.UTF8.GetBytes(LocalizedMarker), extra: [("LANG", "de_DE.UTF-8"), ("LOCPATH", locales)]);

        Assert.Contains("╰─> Deutsch", result.StandardError);
    }

    private const string LocalizedMarker = "[externally-managed]\nError = plain\nError-C = the C language\nError-de = Deutsch\nError-de_DE = Deutsch aus Deutschland\n";

    /// <summary>Writes the marker, runs pip and uvshim for the same install, and checks uvshim said what pip said.</summary>
    private ProcessResult Compare(byte[] marker, UnixFileMode mode = UnixFileModes.PublicFile, params (string Name, string Value)[] extra)
    {
        using var user = TestUser.CreateUnprivileged();
        var python = marked.Mark(marker, mode);
        var environment = fixture.ShimEnvironment(user, python, [("UV_SYSTEM_PYTHON", "1"), .. extra]);

        var pip = PipReference.Run(user, python.Executable, ["install", "--no-index", fixture.Wheel.Path], environment);
        var shim = ShimProcessRunner.RunShim(user, ["pip", "install", "--no-index", fixture.Wheel.Path], environment);

        Assert.True(pip.ExitCode == 1 && pip.StandardError.Contains("externally-managed-environment", StringComparison.Ordinal), pip.ToString());
        Assert.True(shim.ExitCode == 2, shim.ToString());
        Assert.Equal("uvshim: " + pip.StandardError, shim.StandardError);
        Assert.Equal(pip.StandardOutput, shim.StandardOutput);
        Assert.Empty(shim.Records);
        Assert.False(Directory.Exists(user.UserBase));
        return shim;
    }
}

/// <summary>One private interpreter copy per class (the test user cannot write it) whose EXTERNALLY-MANAGED the specs rewrite.</summary>
[SupportedOSPlatform("linux")]
public sealed class MarkedInterpreter : IDisposable
{
    private readonly Lazy<TestInterpreter> _python = new(() => TestInterpreters.CreatePrivateWritableCopy("pep668"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The copy, its marker now <paramref name="marker"/> with <paramref name="mode"/>.</summary>
    public TestInterpreter Mark(byte[] marker, UnixFileMode mode)
    {
        var python = _python.Value;
        var path = python.ExternallyManagedMarker;
        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllBytes(path, marker);
        File.SetUnixFileMode(path, mode);
        if (!Posix.IsRoot)
        {
            TreeCopy.RemoveWriteBits(Path.Combine(python.Prefix, "lib"));
        }
        return python;
    }

    public void Dispose()
    {
        if (_python.IsValueCreated)
        {
            TestRunDirectory.DeleteTree(_python.Value.Prefix);
        }
    }
}

/// <summary>A German locale built once per run with localedef, for <c>LOCPATH</c>.</summary>
[SupportedOSPlatform("linux")]
internal static class GermanLocale
{
    public const string Sources = "/usr/share/i18n/locales/de_DE";

    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Directory => Built.Value;

    private static string Build()
    {
        var directory = TestRunDirectory.CreateSubdirectory("locales");
        using var owner = TestUser.CreateCurrent();
        var built = ShimProcessRunner.Run(owner, ExecutableLookup.Require("localedef"), ["-i", "de_DE", "-f", "UTF-8", Path.Combine(directory, "de_DE.UTF-8")], owner.Environment());
        Assert.True(built.ExitCode == 0, built.ToString());
        foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(entry, System.IO.Directory.Exists(entry) ? UnixFileModes.Public : UnixFileModes.PublicFile);
        }
        return directory;
    }
}
