using System.Text;

namespace UvShim.Tests.Hostile;

/// <summary>What docs/design.md says must happen to a generated line, decided by how the line was built.</summary>
internal enum FuzzExpectation
{
    /// <summary>Not a command uvshim may change (§2 "anything else"): uv gets exactly these bytes.</summary>
    HandedOverUnchanged,

    /// <summary><c>pip install</c> into the unwritable system Python: §3.5's rewrite, nothing else.</summary>
    Rewritten,

    /// <summary>A command uvshim may change in ways this model does not predict: it must not crash.</summary>
    NoCrash,
}

/// <summary>One generated command line, its expected outcome, and (for <see cref="FuzzExpectation.Rewritten"/>) the exact argv uv must get.</summary>
internal sealed record FuzzLine(
    int Id,
    string Shape,
    FuzzExpectation Expectation,
    IReadOnlyList<byte[]> Arguments,
    IReadOnlyList<byte[]>? ExpectedArguments,
    bool WithProjectEnvironment);

/// <summary>The rewrite's fixed parts: the user base, and the interpreter uvshim pins for each accepted <c>--python</c> value
/// (and, first, for none: the <c>python3</c> found on PATH). Each executable is what that Python reports as <c>sys.executable</c>.</summary>
internal sealed record FuzzTarget(string UserBase, string DefaultExecutable, IReadOnlyList<(string Value, string Executable)> PythonValues);

/// <summary>
/// Seeded generator of uv command lines built from uv's grammar (uv 0.12.5 crates/uv-cli/src/lib.rs): global options before and
/// after subcommands, option values that look like subcommands or options, <c>--</c>, <c>=</c> forms, attached short
/// values, bundled short flags, empty strings, spaces, quotes, shell syntax, non-ASCII and invalid UTF-8. The generator
/// knows which token is an option, a value or a positional because it placed it, so the expected outcome does not come
/// from uvshim's own tokenizer or classifier.
/// </summary>
internal sealed class FuzzLineGenerator(int seed, FuzzTarget target)
{
    private readonly Random _random = new(seed);

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>clap never takes such a token as a separate value: <c>-x</c>, <c>--x</c>, <c>--</c> (a lone <c>-</c> is a value).</summary>
    private static bool OptionLike(byte[] token) => token.Length > 1 && token[0] == (byte)'-';

    private static readonly byte[][] Odd =
    [
        U(""), U(" "), U("  "), U("a b"), U("it's"), U("\"quoted\""), U("'single'"), U("ünïcødé"), U("日本語"), U("✓"), U("😀"),
        [0xff], [0xfe, 0x41], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0x80], [0x2d, 0xff], [0x2d, 0x2d, 0xc3],
        U("a\tb"), U("line\nbreak"), U("\\"), U("$HOME"), U("`id`"), U("$(id)"), U("*"), U("?"), U("~"), U("~/x"), U("="), U("=x"),
        U("a=b"), U("-"), U("--"), U("---"), U("-1"), U("--=x"), U("-="), U(";"), U("&&"), U("|"), U(">out"), U("%s%n"),
        U("pip"), U("install"), U("sync"), U("run"), U("uninstall"), U("list"), U("ls"), U("freeze"), U("show"), U("compile"),
        U("help"), U("shim"), U("--user"), U("--python"), U("-p"), U("--target"), U("-t"), U("--prefix"), U("-h"), U("--help"),
        U("-V"), U("--version"), U("-q"), U("-qp"), U("--no-warn-script-location"), U("--system"), U("--generate-shell-completion"),
        U("requests"), U("flask==3.0"), U("numpy>=1.26,<2"), U("./x.whl"), U("file:///tmp/x.whl"), U("name @ file:///tmp/x.whl"),
        U("3.12"), U("/usr/bin/python3"), U("python3"), U("."), U(".."), U("/"), new string('a', 600).Select(c => (byte)c).ToArray(),
    ];

    private static readonly byte[][] ValueWords = Odd.Where(w => !OptionLike(w)).ToArray();

    private static readonly byte[][] PackageWords =
        [U("requests"), U("httpx==0.27"), U("a-b_c.d"), U("pkg[extra]"), U("x>=1; python_version>'3'"), U("./local.whl"), U("git+https://x/y"), U("Ünï")];

    // uv 0.12.5 crates/uv-cli/src/lib.rs GlobalArgs: globals, accepted before or after any subcommand level.
    private static readonly string[] GlobalFlags =
    [
        "--no-cache", "-n", "--no-cache-dir", "--no-config", "--allow-python-downloads", "--no-python-downloads", "-q", "--quiet", "-v",
        "--verbose", "--no-color", "--native-tls", "--no-native-tls", "--system-certs", "--no-system-certs", "--offline", "--no-offline",
        "--preview", "--no-preview", "--isolated", "--show-settings", "--no-progress", "--no-installer-metadata",
    ];

    private static readonly string[] GlobalValues =
        ["--cache-dir", "--color", "--allow-insecure-host", "--trusted-host", "--preview-features", "--preview-feature"];

    /// <summary>Globals that change where uv looks for the interpreter or its configuration: only in lines handed over.</summary>
    private static readonly string[] SteeringGlobalFlags = ["--managed-python", "--no-managed-python"];

    private static readonly string[] SteeringGlobalValues = ["--config-file", "--directory", "--project", "--python-preference", "--python-fetch"];

    // uv 0.12.5 crates/uv-cli/src/lib.rs PipInstallArgs: `uv pip install`.
    private static readonly string[] InstallFlags =
    [
        "-U", "--upgrade", "--no-upgrade", "--reinstall", "--force-reinstall", "--no-reinstall", "--no-deps", "--deps", "--no-index",
        "--dry-run", "--compile-bytecode", "--compile", "--no-compile-bytecode", "--no-compile", "--no-build", "--build",
        "--no-build-isolation", "--build-isolation", "--system", "--break-system-packages", "--no-break-system-packages", "--strict",
        "--no-strict", "--exact", "--inexact", "--no-exact", "--require-hashes", "--no-require-hashes", "--no-verify-hashes",
        "--verify-hashes", "--no-sources", "--all-extras", "--no-all-extras", "--no-editable", "--refresh", "--no-refresh", "--pre",
        "--disable-pip-version-check",
    ];

    private static readonly char[] InstallShortValueLetters = ['r', 'e', 'c', 'b', 'i', 'f', 'P', 'C'];

    private static readonly string[] InstallLongValues =
    [
        "--requirements", "--requirement", "--editable", "--constraints", "--constraint", "--build-constraints", "--build-constraint",
        "--overrides", "--override", "--excludes", "--exclude", "--extra", "--group", "--no-editable-package", "--index",
        "--default-index", "--index-url", "--extra-index-url", "--find-links", "--index-strategy", "--keyring-provider",
        "--upgrade-package", "--upgrade-group", "--reinstall-package", "--resolution", "--prerelease", "--prerelease-package",
        "--fork-strategy", "--config-setting", "--config-settings", "--config-settings-package", "--no-build-isolation-package",
        "--no-binary", "--only-binary", "--exclude-newer", "--exclude-newer-package", "--link-mode", "--no-sources-package",
        "--refresh-package", "--python-version", "--python-platform", "--torch-backend", "--cert",
    ];

    private static readonly char[] BundleFlagLetters = ['q', 'v', 'n'];

    /// <summary>Short flags of <c>pip install</c> that may be bundled (<c>-U</c> is install's own).</summary>
    private static readonly char[] InstallBundleFlagLetters = ['q', 'v', 'n', 'U'];

    /// <summary>Options that change the decision or the target: only in lines handed over or merely checked for crashes.</summary>
    private static readonly string[] DecisionOptions =
        ["--target", "-t", "--prefix", "--python", "-p", "--no-system", "--user", "--no-warn-script-location", "--path", "--format"];

    private static readonly string[] RewrittenSubcommands = ["install", "sync", "uninstall", "list", "ls", "freeze", "show"];

    private static readonly string[] HandedOverPipSubcommands = ["compile", "tree", "check", "debug", "help", "Install", "instal", "add", "remove"];

    // Top-level words other than `pip`: uv's commands (sync and run included: no UV_PROJECT_ENVIRONMENT here) and others.
    private static readonly string[] TopLevelWords =
    [
        "run", "run", "sync", "sync", "lock", "tool", "python", "venv", "virtualenv", "v", "export", "add", "remove", "tree", "build",
        "publish", "cache", "self", "version", "init", "help", "format", "check", "auth", "clean", "audit", "workspace", "upgrade",
        "build-backend", "generate-shell-completion", "install", "uninstall", "list", "freeze", "show", "compile", "Pip", "PIP", "pip3",
    ];

    public FuzzLine Next(int id)
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 20 => TopLevelCommand(id),
            < 30 => PipSubcommandHandedOver(id),
            < 32 => BarePip(id),
            < 40 => HelpOnRewrittenSubcommand(id),
            < 44 => VersionOrHelpAtTopLevel(id),
            < 46 => DoubleDashAtTopLevel(id),
            < 48 => GlobalsOnly(id),
            < 83 => RewrittenInstall(id),
            < 95 => ClassifiedLine(id, withProjectEnvironment: false),
            _ => ClassifiedLine(id, withProjectEnvironment: true),
        };
    }

    // ---- lines handed over unchanged ----

    private FuzzLine TopLevelCommand(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: 3);
        // `uvshim shim …` as the very first word is uvshim's own command (docs/design.md, "One path"), not a uv command line.
        var word = _random.Next(10) < 7 ? U(Pick(TopLevelWords)) : PickWhere(ValueWords, w => !w.AsSpan().SequenceEqual("pip"u8) && !w.AsSpan().SequenceEqual("shim"u8));
        line.Add(word);
        AnyTokens(line, _random.Next(0, 12));
        return line.HandedOver(id, "top-level command " + Show(word));
    }

    private FuzzLine PipSubcommandHandedOver(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: 2);
        line.Add(U("pip"));
        PipGlobals(line, max: 3);
        var word = _random.Next(10) < 6
            ? U(Pick(HandedOverPipSubcommands))
            : PickWhere(ValueWords, w => !RewrittenSubcommands.Any(s => w.AsSpan().SequenceEqual(U(s))));
        line.Add(word);
        AnyTokens(line, _random.Next(0, 12));
        return line.HandedOver(id, "pip subcommand " + Show(word));
    }

    private FuzzLine BarePip(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: 2);
        line.Add(U("pip"));
        PipGlobals(line, max: 4);
        return line.HandedOver(id, "pip without a subcommand");
    }

    private FuzzLine HelpOnRewrittenSubcommand(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: 2);
        line.Add(U("pip"));
        PipGlobals(line, max: 2);
        var sub = Pick(RewrittenSubcommands);
        line.Add(U(sub));
        AnyTokens(line, _random.Next(0, 6), allowDoubleDash: false);
        line.Add(U(Pick(["-h", "--help", "-qh", "-hq", "-vh", "-nqh"])));
        AnyTokens(line, _random.Next(0, 6));
        return line.HandedOver(id, $"pip {sub} asking for help");
    }

    private FuzzLine VersionOrHelpAtTopLevel(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: 2);
        line.Add(U(Pick(["-V", "--version", "-h", "--help", "-qV", "-qh"])));
        if (_random.Next(2) == 0)
        {
            TopLevelGlobals(line, steering: true, max: 2);
            line.Add(U("pip"));
            line.Add(U(Pick(RewrittenSubcommands)));
        }
        AnyTokens(line, _random.Next(0, 8));
        return line.HandedOver(id, "version or help at the top level");
    }

    private FuzzLine DoubleDashAtTopLevel(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: 2);
        line.Add(U("--"));
        line.Add(U("pip"));
        line.Add(U(Pick(RewrittenSubcommands)));
        AnyTokens(line, _random.Next(0, 8));
        return line.HandedOver(id, "-- before pip");
    }

    private FuzzLine GlobalsOnly(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: _random.Next(0, 5));
        return line.HandedOver(id, "global options only");
    }

    // ---- pip install lines rewritten to the user base ----

    private FuzzLine RewrittenInstall(int id)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: false, max: 3);
        line.Add(U("pip"));
        PipGlobals(line, max: 2);
        line.AddInstallCommand(U("install"));

        var items = new List<Action>();
        var count = _random.Next(0, 11);
        for (var i = 0; i < count; i++)
        {
            items.Add(InstallItem(line));
        }
        string? python = null;
        if (_random.Next(10) < 4)
        {
            var (value, executable) = target.PythonValues[_random.Next(target.PythonValues.Count)];
            python = executable;
            items.Insert(_random.Next(items.Count + 1), () => PythonOption(line, value, executable));
        }
        var users = _random.Next(10) < 4 ? _random.Next(1, 3) : 0;
        for (var i = 0; i < users; i++)
        {
            items.Insert(_random.Next(items.Count + 1), () => line.AddRemoved(U("--user")));
        }
        if (_random.Next(10) < 2)
        {
            items.Insert(_random.Next(items.Count + 1), () => line.AddRemoved(U("--no-warn-script-location")));
        }
        foreach (var item in items)
        {
            item();
        }
        if (_random.Next(10) < 3)
        {
            line.Add(U("--"));
            for (var i = _random.Next(0, 5); i > 0; i--)
            {
                line.Add(_random.Next(3) == 0 ? U(Pick(DecisionOptions)) : RandomWord(optionLikeAllowed: true));
            }
        }

        var inserted = new List<byte[]> { U("--prefix"), U(target.UserBase) };
        if (python is null)
        {
            inserted.AddRange([U("--python"), U(target.DefaultExecutable)]);
        }
        return line.Rewritten(id, $"pip install ({(python is null ? "no --python" : "--python")}, {users} --user)", inserted);
    }

    /// <summary>One option or positional that keeps its bytes in a rewritten install line (returned as a deferred add).</summary>
    private Action InstallItem(Line line)
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 25 => () => line.Add(_random.Next(2) == 0 ? Pick(PackageWords) : PickWhere(ValueWords, w => true)),
            < 40 => () => line.Add(U(Pick(InstallFlags))),
            < 60 => () => InstallValueOption(line),
            < 68 => () => line.Add(U(Pick(GlobalFlags))),
            < 75 => () => ValueOption(line, Pick(GlobalValues)),
            < 82 => () => line.Add(U("-" + Bundle(InstallBundleFlagLetters, 2, 3))),
            < 90 => () => BundleWithValue(line),
            _ => () => UnknownOption(line),
        };
    }

    private void PythonOption(Line line, string value, string executable)
    {
        var v = U(value);
        var e = U(executable);
        switch (_random.Next(8))
        {
            case 0: line.Add(U("--python")); line.AddReplaced(v, e); break;
            case 1: line.AddReplaced(Concat("--python=", v), Concat("--python=", e)); break;
            case 2: line.Add(U("-p")); line.AddReplaced(v, e); break;
            case 3: line.AddReplaced(Concat("-p", v), Concat("-p", e)); break;
            case 4: line.AddReplaced(Concat("-p=", v), Concat("-p=", e)); break;
            default:
                var head = "-" + Bundle(InstallBundleFlagLetters, 1, 2) + "p";
                switch (_random.Next(3))
                {
                    case 0: line.Add(U(head)); line.AddReplaced(v, e); break;
                    case 1: line.AddReplaced(Concat(head, v), Concat(head, e)); break;
                    default: line.AddReplaced(Concat(head + "=", v), Concat(head + "=", e)); break;
                }
                break;
        }
    }

    private void InstallValueOption(Line line)
    {
        if (_random.Next(3) == 0)
        {
            var letter = InstallShortValueLetters[_random.Next(InstallShortValueLetters.Length)];
            switch (_random.Next(3))
            {
                case 0: line.Add(U("-" + letter)); line.Add(SeparateValue()); break;
                case 1: line.Add(Concat("-" + letter, AttachedValue())); break;
                default: line.Add(Concat("-" + letter + "=", AnyValue())); break;
            }
            return;
        }
        ValueOption(line, Pick(InstallLongValues));
    }

    private void BundleWithValue(Line line)
    {
        var head = "-" + Bundle(InstallBundleFlagLetters, 1, 2) + InstallShortValueLetters[_random.Next(InstallShortValueLetters.Length)];
        switch (_random.Next(3))
        {
            case 0: line.Add(U(head)); line.Add(SeparateValue()); break;
            case 1: line.Add(Concat(head, AttachedValue())); break;
            default: line.Add(Concat(head + "=", AnyValue())); break;
        }
    }

    private void UnknownOption(Line line)
    {
        var name = Pick(["--frobnicate", "--pip-args", "--no-frob", "--user-site", "--target-dir", "--pythonx", "-Z", "-K", "-Zp"]);
        line.Add(_random.Next(2) == 0 || name.Length == 2 ? U(name) : Concat(name + "=", AnyValue()));
    }

    // ---- lines uvshim may change: they must not crash it ----

    private FuzzLine ClassifiedLine(int id, bool withProjectEnvironment)
    {
        var line = new Line();
        TopLevelGlobals(line, steering: true, max: 2);
        string shape;
        if (withProjectEnvironment)
        {
            var command = Pick(["sync", "run"]);
            line.Add(U(command));
            shape = command + " with UV_PROJECT_ENVIRONMENT";
        }
        else
        {
            line.Add(U("pip"));
            PipGlobals(line, max: 2);
            var sub = Pick(RewrittenSubcommands);
            line.Add(U(sub));
            shape = "pip " + sub;
        }
        for (var i = _random.Next(0, 12); i > 0; i--)
        {
            if (_random.Next(3) == 0)
            {
                var option = Pick(DecisionOptions);
                var r = _random.Next(4);
                if (r == 0)
                    line.Add(U(option));
                else if (r == 1 && option.StartsWith("--", StringComparison.Ordinal))
                    line.Add(Concat(option + "=", AnyValue()));
                else
                {
                    line.Add(U(option));
                    line.Add(_random.Next(3) == 0 && target.PythonValues.Count > 0 ? U(target.PythonValues[0].Value) : SeparateValue());
                }
            }
            else
            {
                AnyTokens(line, 1);
            }
        }
        return line.NoCrash(id, shape, withProjectEnvironment);
    }

    // ---- building blocks ----

    private void TopLevelGlobals(Line line, bool steering, int max)
    {
        for (var i = _random.Next(0, max + 1); i > 0; i--)
        {
            var roll = _random.Next(10);
            if (roll < 4)
                line.Add(U(steering && _random.Next(6) == 0 ? Pick(SteeringGlobalFlags) : Pick(GlobalFlags)));
            else if (roll < 8)
                ValueOption(line, steering && _random.Next(3) == 0 ? Pick(SteeringGlobalValues) : Pick(GlobalValues));
            else if (roll < 9)
                line.Add(U("-" + Bundle(BundleFlagLetters, 2, 3)));
            else
                line.Add(Concat(Pick(["--frobnicate=", "--pip=", "--no-such-option="]), AnyValue()));
        }
    }

    /// <summary>Between <c>pip</c> and its subcommand: globals and <c>--cert</c>, values never mistaken for the subcommand.</summary>
    private void PipGlobals(Line line, int max)
    {
        for (var i = _random.Next(0, max + 1); i > 0; i--)
        {
            if (_random.Next(3) == 0)
                ValueOption(line, "--cert");
            else
                TopLevelGlobals(line, steering: false, max: 1);
        }
    }

    /// <summary>A value option in one of its forms; a separate value is never option-like (clap would not take it).</summary>
    private void ValueOption(Line line, string option)
    {
        if (_random.Next(2) == 0)
        {
            line.Add(U(option));
            line.Add(SeparateValue());
        }
        else
        {
            line.Add(Concat(option + "=", AnyValue()));
        }
    }

    /// <summary>Anything at all: options of every kind (with or without values), positionals, odd words, and <c>--</c>.</summary>
    private void AnyTokens(Line line, int count, bool allowDoubleDash = true)
    {
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(100);
            if (roll < 30)
                line.Add(PickWhere(Odd, w => allowDoubleDash || !w.AsSpan().SequenceEqual("--"u8)));
            else if (roll < 45)
                InstallItem(line)();
            else if (roll < 55)
                line.Add(U(Pick(DecisionOptions)));
            else if (roll < 65)
                line.Add(RandomWord(optionLikeAllowed: allowDoubleDash));
            else if (roll < 75)
                TopLevelGlobals(line, steering: true, max: 1);
            else if (roll < 80 && allowDoubleDash)
                line.Add(U("--"));
            else
                line.Add(Pick(PackageWords));
        }
    }

    private byte[] SeparateValue() => _random.Next(3) == 0 ? RandomWord(optionLikeAllowed: false) : PickWhere(ValueWords, w => true);

    /// <summary>After a short letter: anything that does not start with '=' (that would be the '=' form).</summary>
    private byte[] AttachedValue()
    {
        var value = AnyValue();
        return value.Length > 0 && value[0] != (byte)'=' ? value : U("x");
    }

    private byte[] AnyValue() => _random.Next(3) == 0 ? RandomWord(optionLikeAllowed: true) : Odd[_random.Next(Odd.Length)];

    private byte[] RandomWord(bool optionLikeAllowed)
    {
        const string Alphabet = "abcXYZ019 .=-_/:@'\"\\$*~\t";
        var bytes = new List<byte>();
        for (var i = _random.Next(0, 9); i > 0; i--)
        {
            var roll = _random.Next(10);
            if (roll < 6)
                bytes.Add((byte)Alphabet[_random.Next(Alphabet.Length)]);
            else if (roll < 8)
                bytes.Add((byte)_random.Next(0x80, 0x100));
            else
                bytes.AddRange(U(Pick(["ü", "日", "😀", "\u200b", "\u00a0"])));
        }
        var word = bytes.ToArray();
        return !optionLikeAllowed && OptionLike(word) ? [(byte)'v', .. word] : word;
    }

    private string Bundle(char[] letters, int min, int max)
    {
        var builder = new StringBuilder();
        for (var i = _random.Next(min, max + 1); i > 0; i--)
            builder.Append(letters[_random.Next(letters.Length)]);
        return builder.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private byte[] PickWhere(byte[][] items, Func<byte[], bool> keep)
    {
        while (true)
        {
            var item = items[_random.Next(items.Length)];
            if (keep(item))
                return item;
        }
    }

    private static byte[] Concat(string head, byte[] tail) => [.. U(head), .. tail];

    /// <summary>Printable ASCII as it is, every other byte as \xNN, in double quotes.</summary>
    public static string Show(byte[] bytes)
    {
        var text = new StringBuilder("\"");
        foreach (var b in bytes)
            text.Append(b is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        return text.Append('"').ToString();
    }

    public static string Show(IEnumerable<byte[]> arguments) => "[" + string.Join(", ", arguments.Select(Show)) + "]";

    /// <summary>A command line under construction: each token with what the rewrite does to it.</summary>
    private sealed class Line
    {
        private readonly List<byte[]> _tokens = [];
        private readonly List<byte[]?> _expected = [];
        private int _installIndex = -1;

        public void Add(byte[] token) { _tokens.Add(token); _expected.Add(token); }

        public void AddRemoved(byte[] token) { _tokens.Add(token); _expected.Add(null); }

        public void AddReplaced(byte[] token, byte[] replacement) { _tokens.Add(token); _expected.Add(replacement); }

        public void AddInstallCommand(byte[] token) { _installIndex = _tokens.Count; Add(token); }

        public FuzzLine HandedOver(int id, string shape) => new(id, shape, FuzzExpectation.HandedOverUnchanged, _tokens, null, false);

        public FuzzLine NoCrash(int id, string shape, bool withProjectEnvironment) => new(id, shape, FuzzExpectation.NoCrash, _tokens, null, withProjectEnvironment);

        /// <summary>The input with removed tokens gone, replaced tokens replaced, and <paramref name="inserted"/> right after <c>install</c>.</summary>
        public FuzzLine Rewritten(int id, string shape, IReadOnlyList<byte[]> inserted)
        {
            var expected = new List<byte[]>();
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (_expected[i] is { } token)
                    expected.Add(token);
                if (i == _installIndex)
                    expected.AddRange(inserted);
            }
            return new(id, shape, FuzzExpectation.Rewritten, _tokens, expected, false);
        }
    }
}
