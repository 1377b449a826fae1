using UvShim.Decision;
using UvShim.Python;
using UvShim.Tests.Python;

namespace UvShim.Tests.Decision;

/// <summary>
/// The decision as a table. Rows named "pip:" follow pip's TestDecideUserInstall and the user-install
/// and PEP 668 functional tests (tests/unit/test_command_install.py, tests/functional/test_pep668.py,
/// test_install_user.py, test_install.py).
/// </summary>
public class InstallDecisionSpecs
{
    public enum Expect { HandOver, User, Refuse }

    public sealed record Case(
        string Name,
        Expect Expected,
        string? MessageContains = null,
        bool ExplicitUser = false,
        bool ExplicitNonUser = false,
        bool Environment = false,
        string? VenvSystemSite = null,
        bool Target = false,
        bool Prefix = false,
        bool Writable = false,
        string EnableUserSite = "True",
        bool ExternallyManaged = false,
        bool BreakSystemPackages = false,
        string Mode = "auto",
        bool Sync = false,
        string Probe = "linux-pyenv-3.13",
        string? UserBase = null,
        bool UserSchemeWritable = true)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        // pip: test_prefix_and_target
        new("pip: --prefix without --user is a non-user install", Expect.HandOver, "--prefix or --target", Prefix: true),
        new("pip: --target without --user is a non-user install", Expect.HandOver, "--prefix or --target", Target: true),
        // pip: test_most_cases, (ENABLE_USER_SITE, writable) -> result
        new("pip: user site enabled, site-packages writable -> no user install", Expect.HandOver, "site-packages writeable", Writable: true),
        new("pip: user site enabled, site-packages not writable -> user install", Expect.User, InstallDecision.DefaultingNote),
        new("pip: user site disabled, writable -> no user install", Expect.HandOver, "user site-packages disabled", Writable: true, EnableUserSite: "False"),
        new("pip: user site disabled, not writable -> no user install", Expect.HandOver, "user site-packages disabled", EnableUserSite: "False"),
        new("pip: uid differs from euid (None) counts as disabled", Expect.HandOver, "ids differ", EnableUserSite: "None"),
        // explicit --user
        new("pip: --user on a writable system installs to the user site", Expect.User, ExplicitUser: true, Writable: true),
        new("pip: --user with --target is refused", Expect.Refuse, "Can not combine '--user' and '--target'", ExplicitUser: true, Target: true),
        new("pip: --user with --prefix is refused", Expect.Refuse, "Can not combine '--user' and '--prefix'", ExplicitUser: true, Prefix: true),
        new("pip: --user with the user site disabled is refused", Expect.Refuse, "User site-packages are disabled for this Python", ExplicitUser: true, EnableUserSite: "False"),
        new("pip: --user in a venv without system site-packages is refused", Expect.Refuse, "not visible in this virtualenv", ExplicitUser: true, Probe: "linux-venv-3.12"),
        // PEP 668 (test_pep668.py)
        new("pip: --user on an externally managed Python is refused", Expect.Refuse, "externally-managed-environment", ExplicitUser: true, ExternallyManaged: true),
        new("pip: an implicit user install on an externally managed Python is refused", Expect.Refuse, "This environment is externally managed", ExternallyManaged: true),
        new("pip: --break-system-packages allows the user install", Expect.User, ExplicitUser: true, ExternallyManaged: true, BreakSystemPackages: true),
        new("pip: --break-system-packages allows the implicit user install", Expect.User, InstallDecision.DefaultingNote, ExternallyManaged: true, BreakSystemPackages: true),
        new("pip: --user --prefix on an externally managed Python reports the prefix conflict, not PEP 668", Expect.Refuse, "Can not combine '--user' and '--prefix'", ExplicitUser: true, Prefix: true, ExternallyManaged: true),
        new("pip: --user --target on an externally managed Python reports the target conflict first", Expect.Refuse, "Can not combine '--user' and '--target'", ExplicitUser: true, Target: true, ExternallyManaged: true),
        new("pip: --prefix on an externally managed Python is handed to uv", Expect.HandOver, ExternallyManaged: true, Prefix: true),
        new("a writable externally managed Python is left to uv's own PEP 668 check", Expect.HandOver, "writeable", Writable: true, ExternallyManaged: true),
        // pip: --no-user (use_user_site False) is the first test of decide_user_install
        new("pip: --no-user is a non-user install even when site-packages is not writable", Expect.HandOver, "non-user install by explicit request", ExplicitNonUser: true),
        new("pip: --no-user on an externally managed Python is handed to uv, which checks PEP 668 itself", Expect.HandOver, "explicit request", ExplicitNonUser: true, ExternallyManaged: true),
        // venvs: pip decides there as anywhere; the user site is off in a venv without system site-packages (site.venv())
        new("an install into a venv without system site-packages is handed over", Expect.HandOver, "virtual environment", Probe: "linux-venv-3.12", Environment: true),
        new("pip: an unwritable venv with system site-packages falls back to the user site", Expect.User, InstallDecision.DefaultingNote, Probe: "linux-venv-3.12", Environment: true, VenvSystemSite: "true"),
        new("pip: include-system-site-packages is read in any case", Expect.User, InstallDecision.DefaultingNote, Probe: "linux-venv-3.12", Environment: true, VenvSystemSite: "True"),
        new("pip: a writable venv with system site-packages is installed into", Expect.HandOver, "site-packages writeable", Probe: "linux-venv-3.12", Environment: true, VenvSystemSite: "true", Writable: true),
        new("pip: a venv is never externally managed, so the fallback is not refused", Expect.User, InstallDecision.DefaultingNote, Probe: "linux-venv-3.12", Environment: true, VenvSystemSite: "true"),
        new("pip: --user in a venv with system site-packages goes to the user site", Expect.User, ExplicitUser: true, Probe: "linux-venv-3.12", Environment: true, VenvSystemSite: "true", Writable: true),
        new("pip: an unwritable conda environment (a prefix of its own) falls back to the user site", Expect.User, InstallDecision.DefaultingNote, Environment: true),
        new("mode always leaves a writable environment with system site-packages alone", Expect.HandOver, "writeable", Mode: "always", Probe: "linux-venv-3.12", Environment: true, VenvSystemSite: "true", Writable: true),
        // modes
        new("mode always installs to the user site even when writable", Expect.User, "mode is 'always'", Writable: true, Mode: "always"),
        new("mode always leaves a venv alone", Expect.HandOver, "virtual environment", Mode: "always", Probe: "linux-venv-3.12", Environment: true),
        new("mode always respects a disabled user site", Expect.HandOver, "disabled", Mode: "always", EnableUserSite: "False"),
        new("mode off hands an unwritable install over untouched", Expect.HandOver, "mode is off", Mode: "off"),
        new("mode off still honours an explicit --user", Expect.User, ExplicitUser: true, Mode: "off"),
        // sync
        new("an implicit user sync goes to uv as typed, saying why and what to type", Expect.HandOver, "Add --user to sync the user site", Sync: true),
        new("an explicit --user sync goes to the user site", Expect.User, ExplicitUser: true, Sync: true),
        // user base
        new("a relative user base (HOME unset, no passwd entry) goes to uv as typed, naming PYTHONUSERBASE", Expect.HandOver, "Set PYTHONUSERBASE (or HOME)", UserBase: "~/.local"),
        new("a relative user base is refused for --user too", Expect.Refuse, "PYTHONUSERBASE", ExplicitUser: true, UserBase: "~/.local"),
        new("no user base at all goes to uv as typed", Expect.HandOver, "user base cannot be installed into", UserBase: ""),
        new("an unwritable user base (HOME=/, a read-only HOME) goes to uv as typed, naming PYTHONUSERBASE", Expect.HandOver, "neither is the user site", UserSchemeWritable: false),
        new("an unwritable user base is refused for --user too", Expect.Refuse, "Can not install into the user site", ExplicitUser: true, UserSchemeWritable: false),
        new("an unwritable user base does not matter when site-packages is writable", Expect.HandOver, "site-packages writeable", Writable: true, UserSchemeWritable: false),
        new("an unwritable user base does not matter in a venv", Expect.HandOver, "virtual environment", Probe: "linux-venv-3.12", UserSchemeWritable: false),
        new("an unwritable user base in an unwritable venv with system site-packages goes to uv as typed", Expect.HandOver, "user base cannot be installed into", Probe: "linux-venv-3.12", Environment: true, VenvSystemSite: "true", UserSchemeWritable: false),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_decision_follows_pip(Case row)
    {
        var probe = RecordedProbes.Load(row.Probe) with { EnableUserSite = row.EnableUserSite };
        if (row.VenvSystemSite is not null)
            probe = probe with { VenvIncludeSystemSitePackages = row.VenvSystemSite };
        if (row.UserBase is not null)
            probe = probe with { UserBase = row.UserBase };
        var facts = new InstallFacts
        {
            Mode = Enum.Parse<ShimMode>(row.Mode, ignoreCase: true),
            ExplicitUser = row.ExplicitUser,
            ExplicitNonUser = row.ExplicitNonUser,
            TargetIsEnvironment = row.Environment,
            HasTarget = row.Target,
            HasPrefix = row.Prefix,
            IsSync = row.Sync,
            Probe = probe,
            DefaultSchemeWritable = row.Writable,
            UserSchemeWritable = row.UserSchemeWritable,
            ExternallyManaged = row.ExternallyManaged ? new ExternallyManaged("/usr/lib/python3/EXTERNALLY-MANAGED", "Use apt.") : null,
            BreakSystemPackages = row.BreakSystemPackages,
        };

        var outcome = InstallDecision.Decide(facts);

        var text = outcome switch
        {
            InstallOutcome.HandOver h => (Expect.HandOver, h.Reason + (h.Note is null ? "" : "\n" + h.Note)),
            InstallOutcome.UserInstall u => (Expect.User, u.Note ?? u.Reason),
            InstallOutcome.Refuse r => (Expect.Refuse, r.Message),
            _ => throw new InvalidOperationException(),
        };
        Assert.Equal(row.Expected, text.Item1);
        if (row.MessageContains is not null)
            Assert.Contains(row.MessageContains, text.Item2);
    }

    [Fact]
    public void An_explicit_user_install_prints_no_defaulting_note()
    {
        var outcome = InstallDecision.Decide(new InstallFacts { ExplicitUser = true, Probe = RecordedProbes.Load("linux-debian-3.11") });

        var user = Assert.IsType<InstallOutcome.UserInstall>(outcome);
        Assert.Null(user.Note);
    }

    [Fact]
    public void The_externally_managed_refusal_shows_the_marker_text_as_pip_renders_it()
    {
        var outcome = InstallDecision.Decide(new InstallFacts
        {
            Probe = RecordedProbes.Load("linux-debian-3.11"),
            ExternallyManaged = new ExternallyManaged("/usr/lib/python3.11/EXTERNALLY-MANAGED", "first line\nsecond line\n\nfourth"),
        });

        var refuse = Assert.IsType<InstallOutcome.Refuse>(outcome);
        Assert.Equal(
            "error: externally-managed-environment\n\n× This environment is externally managed\n╰─> first line\n    second line\n    \n    fourth\n\n"
            + "note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. "
            + "You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\n"
            + "hint: See PEP 668 for the detailed specification.",
            refuse.Message);
    }

    [Theory]
    // pip 26 (rich) output for these texts: a tab goes to the next multiple of 8 columns of the whole line, prefix included;
    // BEL, BS, VT, FF and CR are dropped; the default text's closing newline leaves a line of four spaces.
    [InlineData("a\tb\nc", "╰─> a   b\n    c\n")]
    [InlineData("x\ay\fz", "╰─> xyz\n")]
    [InlineData("one\n", "╰─> one\n    \n")]
    [InlineData("", "╰─> \n")]
    public void The_marker_text_is_laid_out_as_rich_lays_it_out(string errorText, string expectedContext)
    {
        var message = PipMessages.ExternallyManaged(errorText);

        Assert.Contains("× This environment is externally managed\n" + expectedContext + "\nnote: ", message);
    }

    [Fact]
    public void An_unreadable_marker_gets_pips_warning_before_the_error()
    {
        var message = PipMessages.ExternallyManaged(new ExternallyManaged("/usr/lib/python3.11/EXTERNALLY-MANAGED", "text", Unreadable: true));

        Assert.StartsWith("WARNING: Failed to read /usr/lib/python3.11/EXTERNALLY-MANAGED\nerror: externally-managed-environment\n", message);
    }
}
