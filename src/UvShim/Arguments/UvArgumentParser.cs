namespace UvShim.Arguments;

/// <summary>
/// Tokenizes a uv command line the way clap 4 does for uv 0.12.5, without ever failing: where clap
/// would stop with an error, this records what it saw and goes on, since uv will report the error.
/// </summary>
internal sealed class UvArgumentParser
{
    private readonly string[] _args;
    private readonly List<string> _command = [];
    private readonly List<UvOption> _options = [];
    private readonly List<UvPositional> _positionals = [];
    private Level _level = Level.TopLevel;
    private OptionTable _table = UvOptionTables.TopLevel;
    private int _commandTokenIndex = -1;
    private int _doubleDashIndex = -1;
    private int _opaqueStartIndex = -1;
    private bool _asksForHelpOrVersion;

    private UvArgumentParser(string[] args) => _args = args;

    private enum Level
    {
        TopLevel,
        PipNamespace,
        Parsed,
        Opaque,
    }

    public static UvArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var copy = new string[args.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = args[i] ?? "";
        }

        return new UvArgumentParser(copy).Run();
    }

    private UvArguments Run()
    {
        var i = 0;
        while (i < _args.Length && _level != Level.Opaque)
        {
            i = Step(i);
        }

        return new UvArguments(
            _args,
            [.. _command],
            _commandTokenIndex,
            _asksForHelpOrVersion,
            [.. _options],
            [.. _positionals],
            _doubleDashIndex,
            _opaqueStartIndex);
    }

    /// <summary>Consumes the token at <paramref name="i"/> (and its value, if any); returns the next index.</summary>
    private int Step(int i)
    {
        var token = _args[i];
        if (_doubleDashIndex >= 0)
        {
            _positionals.Add(new UvPositional(token, i, AfterDoubleDash: true));
            return i + 1;
        }

        // clap tries subcommand names before anything else, hence the `--generate-shell-completion` alias.
        if (_level != Level.Parsed && TryEnterSubcommand(token, i))
        {
            return i + 1;
        }

        if (token == TokenShape.DoubleDash)
        {
            _doubleDashIndex = i;
            if (IsRun)
            {
                StartRunCommand(i + 1);
            }

            return i + 1;
        }

        if (TokenShape.IsLong(token))
        {
            return ParseLong(i);
        }

        if (TokenShape.IsShortGroup(token))
        {
            return ParseShortGroup(i);
        }

        if (_level != Level.Parsed)
        {
            // uv rejects an unknown subcommand; keep the word as the path and hand everything over.
            EnterCommand(token, i, Level.Opaque, _table);
            return i + 1;
        }

        if (IsRun)
        {
            StartRunCommand(i);
            return i;
        }

        _positionals.Add(new UvPositional(token, i, AfterDoubleDash: false));
        return i + 1;
    }

    private bool IsRun => _level == Level.Parsed && _command is ["run"];

    // uv 0.12.5 crates/uv-cli/src/lib.rs RunArgs.command is an external subcommand: from its first word on, every
    // token is the command's, options included.
    private void StartRunCommand(int i)
    {
        _level = Level.Opaque;
        _opaqueStartIndex = i;
    }

    private bool TryEnterSubcommand(string token, int i)
    {
        if (_level == Level.TopLevel)
        {
            var name = UvCommands.ResolveTopLevel(token);
            if (name is null)
            {
                return false;
            }

            if (name == "help")
            {
                _asksForHelpOrVersion = true;
            }

            if (name == "pip")
            {
                EnterCommand(name, i, Level.PipNamespace, UvOptionTables.PipNamespace);
            }
            else if (UvCommands.TopLevelTable(name) is { } table)
            {
                EnterCommand(name, i, Level.Parsed, table);
            }
            else
            {
                EnterCommand(name, i, Level.Opaque, _table);
            }

            return true;
        }

        var subcommand = UvCommands.ResolvePip(token);
        if (subcommand is null)
        {
            return false;
        }

        if (UvCommands.PipTable(subcommand) is { } pipTable)
        {
            EnterCommand(subcommand, i, Level.Parsed, pipTable);
        }
        else
        {
            EnterCommand(subcommand, i, Level.Opaque, _table);
        }

        return true;
    }

    private void EnterCommand(string name, int i, Level level, OptionTable table)
    {
        _command.Add(name);
        _commandTokenIndex = i;
        _level = level;
        _table = table;
        if (level == Level.Opaque)
        {
            _opaqueStartIndex = i + 1;
        }
    }

    private int ParseLong(int i)
    {
        var token = _args[i];
        var equals = token.IndexOf('=', 2);
        var spelling = equals < 0 ? token : token[..equals];
        var attached = equals < 0 ? null : token[(equals + 1)..];
        var spec = _table.FindLong(spelling);

        if (attached is not null)
        {
            AddOption(spec, spelling, attached, i, null, OptionForm.LongEquals, -1, token.Length);
            return i + 1;
        }

        if (spec is not { TakesValue: true })
        {
            AddOption(spec, spelling, null, i, null, OptionForm.LongFlag, -1, token.Length);
            return i + 1;
        }

        var valueIndex = SeparateValueIndex(i);
        AddOption(spec, spelling, ValueAt(valueIndex), i, valueIndex, OptionForm.LongSeparate, -1, token.Length);
        return valueIndex is { } v ? v + 1 : i + 1;
    }

    /// <summary>
    /// A group of short letters: flags are read one by one; a value option, like clap's, takes the rest
    /// of the token (one leading <c>=</c> dropped) or else the next token. clap stops at an unknown
    /// letter; it is recorded as owning the rest of the token so nothing inside it is misread.
    /// </summary>
    private int ParseShortGroup(int i)
    {
        var token = _args[i];
        var found = new List<ShortPart>();
        var next = i + 1;
        var pos = 1;
        while (pos < token.Length)
        {
            var width = char.IsHighSurrogate(token[pos]) && pos + 1 < token.Length && char.IsLowSurrogate(token[pos + 1]) ? 2 : 1;
            var spec = width == 1 ? _table.FindShort(token[pos]) : null;
            var letter = token.Substring(pos, width);
            if (spec is { TakesValue: false })
            {
                found.Add(new ShortPart(spec, letter, pos, width, null, null, ShortKind.Flag));
                pos += width;
                continue;
            }

            var rest = pos + width;
            var ownLength = token.Length - pos;
            if (rest < token.Length)
            {
                found.Add(token[rest] == '='
                    ? new ShortPart(spec, letter, pos, ownLength, token[(rest + 1)..], null, ShortKind.WithEquals)
                    : new ShortPart(spec, letter, pos, ownLength, token[rest..], null, ShortKind.Attached));
            }
            else if (spec is not null)
            {
                var valueIndex = SeparateValueIndex(i);
                found.Add(new ShortPart(spec, letter, pos, ownLength, ValueAt(valueIndex), valueIndex, ShortKind.Separate));
                next = valueIndex is { } v ? v + 1 : i + 1;
            }
            else
            {
                found.Add(new ShortPart(null, letter, pos, ownLength, null, null, ShortKind.Flag));
            }

            break;
        }

        var bundled = found.Count > 1;
        foreach (var part in found)
        {
            AddOption(part.Spec, "-" + part.Letter, part.Value, i, part.ValueIndex, FormOf(part.Kind, bundled), part.Offset, part.Length);
        }

        return next;
    }

    private static OptionForm FormOf(ShortKind kind, bool bundled) => (kind, bundled) switch
    {
        (ShortKind.Flag, false) => OptionForm.ShortFlag,
        (ShortKind.Separate, false) => OptionForm.ShortSeparate,
        (ShortKind.Attached, false) => OptionForm.ShortAttached,
        (ShortKind.WithEquals, false) => OptionForm.ShortEquals,
        (ShortKind.Flag, true) => OptionForm.BundledFlag,
        (ShortKind.Separate, true) => OptionForm.BundledSeparate,
        (ShortKind.Attached, true) => OptionForm.BundledAttached,
        _ => OptionForm.BundledEquals,
    };

    /// <summary>The next token is the value unless clap would read it as an option or <c>--</c>.</summary>
    private int? SeparateValueIndex(int i) =>
        i + 1 < _args.Length && !TokenShape.LooksLikeOption(_args[i + 1]) ? i + 1 : null;

    private string? ValueAt(int? index) => index is { } v ? _args[v] : null;

    private void AddOption(
        OptionSpec? spec,
        string spelling,
        string? value,
        int tokenIndex,
        int? valueTokenIndex,
        OptionForm form,
        int shortOffset,
        int segmentLength)
    {
        if (ReferenceEquals(spec, GlobalOptions.Help) || ReferenceEquals(spec, GlobalOptions.Version))
        {
            _asksForHelpOrVersion = true;
        }

        _options.Add(new UvOption(
            _options.Count,
            spec?.Name ?? spelling,
            spelling,
            value,
            tokenIndex,
            valueTokenIndex,
            form,
            isKnown: spec is not null,
            takesValue: spec?.TakesValue ?? false,
            shortOffset,
            segmentLength));
    }

    private enum ShortKind
    {
        Flag,
        Separate,
        Attached,
        WithEquals,
    }

    private readonly record struct ShortPart(
        OptionSpec? Spec,
        string Letter,
        int Offset,
        int Length,
        string? Value,
        int? ValueIndex,
        ShortKind Kind);
}
