namespace UvShim.FakeUv.Grammar;

/// <summary>
/// clap 4.6.5's parser (clap_builder/src/parser/parser.rs) over a <see cref="ClapCommand"/> tree, one instance per
/// command level. The order of events is clap's, because it decides which error a command line gets:
/// a level parses its tokens and hands the rest to the subcommand, which parses, applies its environment variables and
/// validates <em>before</em> its parent resolves its pending values, applies its environment variables and validates.
/// <list type="bullet">
/// <item>Tokens: <c>--long</c>, <c>--long=value</c>, <c>-s value</c>, <c>-svalue</c>, <c>-s=value</c>, bundled flags
/// (<c>-qq</c>); <c>--</c> makes every later token a positional (or the external command); a lone <c>-</c> is a value.</item>
/// <item>An option waiting for its value takes the next token unless that token is an option (then: "a value is required
/// for …") or <c>--</c>; a subcommand name in that place is a value.</item>
/// <item>Not modelled (uv 0.12.5 uses none of them): <c>allow_hyphen_values</c>, negative numbers, <c>num_args</c>,
/// <c>require_equals</c>, value terminators, <c>infer_subcommands</c>/<c>infer_long_args</c>, flag subcommands,
/// <c>allow_missing_positional</c>, defaults (<c>default_value</c> matches are not explicit, so they never take part in
/// validation), arguments that are not UTF-8 (.NET hands the fake strings), custom value parsers (uv's <c>parse_*</c>
/// functions: only "rejects an empty value" is known from the grammar).</item>
/// </list>
/// </summary>
internal sealed class ClapParser
{
    private readonly ClapCommand _command;
    private readonly Func<string, string?> _environment;

    private ClapParser(ClapCommand command, Func<string, string?> environment)
    {
        _command = command;
        _environment = environment;
    }

    private enum StateKind
    {
        ValuesDone,
        Option,
        Positional,
    }

    /// <summary>Parses <paramref name="arguments"/> (argv without argv[0]); throws <see cref="ClapError"/> where clap fails.</summary>
    public static ClapMatcher Parse(ClapCommand root, IReadOnlyList<string> arguments, Func<string, string?> environment)
    {
        var matcher = new ClapMatcher();
        var cursor = new ClapCursor(arguments);
        new ClapParser(root, environment).GetMatchesWith(matcher, cursor);
        return matcher;
    }

    private void GetMatchesWith(ClapMatcher matcher, ClapCursor cursor)
    {
        ParseTokens(matcher, cursor);
        ResolvePending(matcher);
        AddEnvironment(matcher);
        new ClapValidator(_command).Validate(matcher);
    }

    private void ParseTokens(ClapMatcher matcher, ClapCursor cursor)
    {
        string? subcommandName = null;
        var state = StateKind.ValuesDone;
        var positionalCounter = 1;
        var validArgFound = false;
        var trailingValues = false;
        var positionalCount = _command.PositionalCount;
        var containsLast = _command.Args.Any(a => a.IsLast);

        while (cursor.Next() is { } token)
        {
            if (!trailingValues)
            {
                if (state == StateKind.ValuesDone && PossibleSubcommand(token, validArgFound) is { } name)
                {
                    subcommandName = name;
                    break;
                }

                if (token == "--")
                {
                    trailingValues = true;
                    continue;
                }
                if (IsLong(token))
                {
                    var body = token[2..];
                    var equals = body.IndexOf('=');
                    var longName = equals < 0 ? body : body[..equals];
                    var longValue = equals < 0 ? null : body[(equals + 1)..];
                    var arg = _command.FindLong(longName);
                    if (arg is null)
                    {
                        TryResolvePending(matcher);
                        throw DidYouMeanError(longName, matcher, cursor.Remaining(), trailingValues);
                    }
                    validArgFound = true;
                    if (arg.TakesValue)
                    {
                        state = ParseOptionValue(ClapIdentifier.Long, longValue, arg, matcher);
                    }
                    else if (longValue is not null)
                    {
                        TryResolvePending(matcher);
                        var required = _command.RequiredGraph();
                        var used = matcher.Ids
                            .Where(id => _command.Find(id) is not { } a || !(a.IsHidden || required.Contains(a.Id)))
                            .Append(arg.Id)
                            .ToList();
                        throw ClapError.TooManyValues(longValue, arg.Display, new ClapUsage(_command).CreateUsageWithTitle(used));
                    }
                    else
                    {
                        React(ClapIdentifier.Long, ClapSource.CommandLine, arg, [], matcher);
                        state = StateKind.ValuesDone;
                    }
                    continue;
                }
                if (IsShort(token))
                {
                    state = ParseShortArg(token, matcher, trailingValues, ref validArgFound);
                    continue;
                }

                if (state == StateKind.Option)
                {
                    // The value of the option before it; clap's needs_more_vals decides whether it wants another.
                    var pending = matcher.Pending!;
                    pending.RawValues.Add(token);
                    state = pending.RawValues.Count < (pending.Arg.MaxValues ?? int.MaxValue) ? StateKind.Option : StateKind.ValuesDone;
                    continue;
                }
            }

            positionalCounter = CorrectPositionalCounter(positionalCounter, positionalCount, trailingValues, containsLast, validArgFound, cursor);

            if (_command.PositionalAt(positionalCounter) is { } positional)
            {
                if (positional.IsLast && !trailingValues)
                {
                    TryResolvePending(matcher);
                    throw ClapError.UnknownArgument(token, null, suggestTrailing: false, Usage([]));
                }
                if (positional.IsTrailingVarArg)
                {
                    trailingValues = true;
                }
                // A positional that takes several values per occurrence (a `Vec`: num_args 1..) keeps collecting.
                if (matcher.Pending?.Arg != positional || !positional.IsMultipleValues)
                {
                    ResolvePending(matcher);
                }
                matcher.Pending ??= new ClapPending(positional, ClapIdentifier.Index);
                matcher.Pending.RawValues.Add(token);
                if (!positional.IsMultiple)
                {
                    positionalCounter++;
                    state = StateKind.ValuesDone;
                }
                else
                {
                    state = StateKind.Positional;
                }
                validArgFound = true;
            }
            else if (_command.ExternalSubcommand)
            {
                matcher.Subcommand = new ClapSubcommandMatch(token, null, null, cursor.Remaining());
                return;
            }
            else
            {
                TryResolvePending(matcher);
                throw MatchArgError(token, validArgFound, trailingValues, matcher);
            }
        }

        if (subcommandName is not null)
        {
            if (_command.ArgsConflictsWithSubcommands && validArgFound)
            {
                throw ClapError.SubcommandConflict(subcommandName, DisplaysOfMatchedArgs(matcher), Usage([]));
            }
            var subcommand = _command.FindSubcommand(subcommandName)!;
            var subcommandMatcher = new ClapMatcher();
            new ClapParser(subcommand, _environment).GetMatchesWith(subcommandMatcher, cursor);
            matcher.Subcommand = new ClapSubcommandMatch(subcommand.Name, subcommand, subcommandMatcher, []);
        }
    }

    // clap_lex: `--x` is long (but `--` is the escape), `-x` is short (but `-` alone is stdin, a value).
    private static bool IsLong(string token) => token.StartsWith("--", StringComparison.Ordinal) && token != "--";

    private static bool IsShort(string token) => token.StartsWith('-') && token != "-" && !token.StartsWith("--", StringComparison.Ordinal);

    private string? PossibleSubcommand(string token, bool validArgFound) =>
        _command.ArgsConflictsWithSubcommands && validArgFound ? null : _command.FindSubcommand(token)?.Name;

    private StateKind ParseShortArg(string token, ClapMatcher matcher, bool trailingValues, ref bool validArgFound)
    {
        var flags = token[1..];
        var offset = 0;
        foreach (var rune in flags.EnumerateRunes())
        {
            offset += rune.Utf16SequenceLength;
            var arg = rune.IsBmp ? _command.FindShort((char)rune.Value) : null;
            if (arg is null)
            {
                TryResolvePending(matcher);
                var suggestTrailing = !trailingValues && _command.HasPositionals;
                throw ClapError.UnknownArgument($"-{rune}", null, suggestTrailing, Usage([]));
            }
            validArgFound = true;
            if (!arg.TakesValue)
            {
                React(ClapIdentifier.Short, ClapSource.CommandLine, arg, [], matcher);
                continue;
            }
            // -pVALUE, -p=VALUE (an empty rest means the value follows as the next token).
            var rest = flags[offset..];
            string? value = rest.Length == 0 ? null : rest.StartsWith('=') ? rest[1..] : rest;
            return ParseOptionValue(ClapIdentifier.Short, value, arg, matcher);
        }
        return StateKind.ValuesDone;
    }

    private StateKind ParseOptionValue(ClapIdentifier identifier, string? attached, ClapArg arg, ClapMatcher matcher)
    {
        if (attached is not null)
        {
            React(identifier, ClapSource.CommandLine, arg, [attached], matcher);
            return StateKind.ValuesDone;
        }
        ResolvePending(matcher);
        matcher.Pending = new ClapPending(arg, identifier);
        return StateKind.Option;
    }

    private int CorrectPositionalCounter(int counter, int positionalCount, bool trailingValues, bool containsLast, bool validArgFound, ClapCursor cursor)
    {
        var positionals = _command.Positionals.ToList();
        var isSecondToLast = counter + 1 == positionalCount;
        var lowIndexMultiples = isSecondToLast
            && positionals.Any(a => a.IsMultiple && positionalCount != a.Index)
            && positionals.LastOrDefault() is { IsLast: false };
        if (lowIndexMultiples)
        {
            var skipCurrent = true;
            if (cursor.Peek() is { } next && _command.PositionalAt(counter) is not null)
            {
                skipCurrent = IsLong(next) || IsShort(next) || PossibleSubcommand(next, validArgFound) is not null;
            }
            return skipCurrent ? counter + 1 : counter;
        }
        if (trailingValues && containsLast)
        {
            return positionalCount;
        }
        return counter;
    }

    private void ResolvePending(ClapMatcher matcher)
    {
        if (matcher.Pending is not { } pending)
        {
            return;
        }
        matcher.Pending = null;
        React(pending.Identifier, ClapSource.CommandLine, pending.Arg, pending.RawValues, matcher);
    }

    // clap's `let _ = self.resolve_pending(matcher);` before reporting another error.
    private void TryResolvePending(ClapMatcher matcher)
    {
        try
        {
            ResolvePending(matcher);
        }
        catch (ClapError)
        {
        }
    }

    private void React(ClapIdentifier? identifier, ClapSource source, ClapArg arg, List<string> rawValues, ClapMatcher matcher)
    {
        ResolvePending(matcher);

        if (source == ClapSource.CommandLine)
        {
            VerifyNumberOfValues(arg, rawValues);
        }

        var values = rawValues;
        if (arg.Delimiter is { } delimiter)
        {
            values = rawValues.SelectMany(v => v.Contains(delimiter) ? v.Split(delimiter) : [v]).ToList();
        }

        switch (arg.Action)
        {
            case ClapAction.Set or ClapAction.SetTrue or ClapAction.SetFalse:
                if (matcher.Remove(arg.Id) && !(_command.ArgsOverrideSelf || arg.Overrides.Contains(arg.Id)))
                {
                    throw ClapError.ArgumentConflict(arg.Display, [arg.Display], Usage([]));
                }
                if (values.Count == 0)
                {
                    values = [arg.Action == ClapAction.SetFalse ? "false" : "true"];
                }
                StartCustomArg(matcher, arg, source);
                PushValues(arg, values, source, matcher);
                break;
            case ClapAction.Append:
                StartCustomArg(matcher, arg, source);
                PushValues(arg, values, source, matcher);
                break;
            case ClapAction.Count:
                var existing = matcher.Get(arg.Id)?.Values.LastOrDefault() is { } count ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 0;
                matcher.Remove(arg.Id);
                StartCustomArg(matcher, arg, source);
                PushValues(arg, values.Count > 0 ? values : [Math.Min(existing + 1, byte.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture)], source, matcher);
                break;
            case ClapAction.Help or ClapAction.HelpShort or ClapAction.HelpLong:
                throw ClapError.DisplayHelp(ClapHelp.Render(_command));
            case ClapAction.Version:
                throw ClapError.DisplayVersion(FakeUv.Version + "\n");
        }
    }

    // clap's verify_num_args, for command-line values only.
    private void VerifyNumberOfValues(ClapArg arg, List<string> rawValues)
    {
        var actual = rawValues.Count;
        if (arg.MinValues > 0 && actual == 0)
        {
            throw ClapError.EmptyValue(arg.PossibleValues ?? [], arg.Display);
        }
        if (arg.MinValues == arg.MaxValues && arg.MaxValues != actual)
        {
            throw ClapError.WrongNumberOfValues(arg.Display, arg.MinValues, actual, Usage([]));
        }
        if (actual < arg.MinValues)
        {
            throw ClapError.TooFewValues(arg.Display, arg.MinValues, actual, Usage([]));
        }
        if (actual > (arg.MaxValues ?? int.MaxValue))
        {
            throw ClapError.TooManyValues(rawValues[^1], arg.Display, Usage([]));
        }
    }

    private void PushValues(ClapArg arg, List<string> values, ClapSource source, ClapMatcher matcher)
    {
        foreach (var value in values)
        {
            ClapValueParser.Check(_command, arg, value);
            matcher.AddValue(arg.Id, value);
        }
        if (source == ClapSource.CommandLine)
        {
            matcher.Occurrences.Add((arg, values));
        }
    }

    private void StartCustomArg(ClapMatcher matcher, ClapArg arg, ClapSource source)
    {
        if (source == ClapSource.CommandLine)
        {
            RemoveOverrides(arg, matcher);
        }
        matcher.StartArg(arg.Id, source);
        foreach (var group in _command.GroupsForArg(arg.Id))
        {
            matcher.StartGroup(group, source);
            matcher.AddValue(group, arg.Id);
        }
    }

    // clap's remove_overrides: what this arg overrides, and whatever overrides this arg.
    private void RemoveOverrides(ClapArg arg, ClapMatcher matcher)
    {
        foreach (var id in arg.Overrides)
        {
            matcher.Remove(id);
        }
        var overriders = matcher.Ids.Where(id => _command.Find(id) is { } other && other.Overrides.Contains(arg.Id)).ToList();
        foreach (var id in overriders)
        {
            matcher.Remove(id);
        }
    }

    // clap's add_env: only args absent from the command line; values parsed, no override removal.
    private void AddEnvironment(ClapMatcher matcher)
    {
        foreach (var arg in _command.Args)
        {
            if (matcher.Contains(arg.Id) || arg.Env is null || _environment(arg.Env) is not { } value)
            {
                continue;
            }
            React(null, ClapSource.Environment, arg, [value], matcher);
        }
    }

    private ClapError MatchArgError(string token, bool validArgFound, bool trailingValues, ClapMatcher matcher)
    {
        if (trailingValues && PossibleSubcommand(token, validArgFound) is not null)
        {
            return ClapError.UnnecessaryDoubleDash(token, Usage([]));
        }
        var suggestTrailing = !trailingValues && _command.HasPositionals && (IsLong(token) || IsShort(token));
        if (_command.HasSubcommands)
        {
            if (_command.ArgsConflictsWithSubcommands && validArgFound)
            {
                return ClapError.SubcommandConflict(token, DisplaysOfMatchedArgs(matcher), Usage([]));
            }
            var candidates = ClapSuggestions.DidYouMean(token, _command.AllSubcommandNames);
            if (candidates.Count > 0)
            {
                return ClapError.InvalidSubcommand(token, candidates, _command.BinName, suggestTrailing, Usage([]));
            }
            if (!_command.HasPositionals)
            {
                return ClapError.UnrecognizedSubcommand(token, Usage([]));
            }
        }
        return ClapError.UnknownArgument(token, null, suggestTrailing, Usage([]));
    }

    // clap's did_you_mean_error, for an unknown --long.
    private ClapError DidYouMeanError(string name, ClapMatcher matcher, IReadOnlyList<string> remaining, bool trailingValues)
    {
        (string Flag, string? Subcommand)? didYouMean = null;
        if (ClapSuggestions.DidYouMean(name, _command.LongKeys).LastOrDefault() is { } candidate)
        {
            didYouMean = (candidate, null);
        }
        else
        {
            var best = _command.Subcommands
                .Select(s => (Subcommand: s, Candidate: ClapSuggestions.DidYouMean(name, s.LongKeys).LastOrDefault(), Score: IndexOf(remaining, s.Name)))
                .Where(s => s.Candidate is not null && s.Score >= 0)
                .OrderBy(s => s.Score)
                .FirstOrDefault();
            if (best.Subcommand is not null)
            {
                didYouMean = (best.Candidate!, best.Subcommand.Name);
            }
        }

        if (didYouMean is { } suggestion && _command.FindLong(suggestion.Flag) is { } suggested)
        {
            StartCustomArg(matcher, suggested, ClapSource.CommandLine);
        }
        var required = _command.RequiredGraph();
        var used = matcher.Ids.Where(id => _command.Find(id) is { IsHidden: false }).ToList();
        var suggestTrailing = (didYouMean is null || _command.Positionals.Any(a => a.IsLast || a.IsTrailingVarArg))
            && !trailingValues
            && _command.HasPositionals;
        return ClapError.UnknownArgument(
            "--" + name,
            didYouMean is { } found ? ("--" + found.Flag, found.Subcommand) : null,
            suggestTrailing,
            new ClapUsage(_command, required).CreateUsageWithTitle(used));
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    private List<string> DisplaysOfMatchedArgs(ClapMatcher matcher) =>
        matcher.Ids.Select(_command.Find).OfType<ClapArg>().Select(a => a.Display).ToList();

    private string Usage(IReadOnlyList<string> used) => new ClapUsage(_command).CreateUsageWithTitle(used);
}

/// <summary>The command line as clap's <c>RawArgs</c> cursor sees it: shared by every level.</summary>
internal sealed class ClapCursor(IReadOnlyList<string> arguments)
{
    private int _position;

    public string? Next() => _position < arguments.Count ? arguments[_position++] : null;

    public string? Peek() => _position < arguments.Count ? arguments[_position] : null;

    /// <summary>Every token after the current one; the cursor moves to the end (clap's <c>remaining</c>).</summary>
    public IReadOnlyList<string> Remaining()
    {
        var rest = arguments.Skip(_position).ToList();
        _position = arguments.Count;
        return rest;
    }
}
