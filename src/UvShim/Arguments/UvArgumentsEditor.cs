namespace UvShim.Arguments;

/// <summary>
/// Edits a parsed command line without disturbing any token it does not have to: only the tokens of an
/// edited option are rewritten, and a letter inside a bundle is edited by rewriting that bundle alone.
/// </summary>
public sealed class UvArgumentsEditor
{
    private readonly UvArguments _arguments;
    // Option ordinal -> new value, or null when the option is removed.
    private readonly Dictionary<int, string?> _edits = [];
    private readonly List<string> _inserted = [];

    internal UvArgumentsEditor(UvArguments arguments) => _arguments = arguments;

    /// <summary>
    /// Removes the option and its separate value token; inside a bundle only its letter (and attached value)
    /// goes. If the option right before it is missing its value (<c>--python --user x</c>), uv will read the
    /// next token as that value once this one is gone: check <see cref="UvOption.IsValueMissing"/> first.
    /// </summary>
    public UvArgumentsEditor Remove(UvOption option)
    {
        CheckOwned(option);
        _edits[option.Ordinal] = null;
        return this;
    }

    /// <summary>
    /// Replaces the value, keeping the option's form. Where that form would change the meaning of the new
    /// value (an attached value starting with <c>=</c> or empty, a separate value clap would read as an
    /// option), the equals form of the same spelling is used instead. A missing value is added.
    /// </summary>
    public UvArgumentsEditor ReplaceValue(UvOption option, string newValue)
    {
        CheckOwned(option);
        ArgumentNullException.ThrowIfNull(newValue);
        if (!option.TakesValue && option.Value is null)
        {
            throw new InvalidOperationException($"{option.Spelling} takes no value.");
        }

        if (_edits.TryGetValue(option.Ordinal, out var edit) && edit is null)
        {
            throw new InvalidOperationException($"{option.Spelling} has already been removed.");
        }

        _edits[option.Ordinal] = newValue;
        return this;
    }

    /// <summary>Inserts tokens right after the command path (at the start when there is none): before any positional and <c>--</c>.</summary>
    public UvArgumentsEditor InsertAfterCommand(params string[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var token in tokens)
        {
            ArgumentNullException.ThrowIfNull(token, nameof(tokens));
            _inserted.Add(token);
        }

        return this;
    }

    /// <summary>The edited command line; with no edits, exactly one untouched slot per original token.</summary>
    public IReadOnlyList<ArgumentSlot> Build()
    {
        var original = _arguments.Original;
        var rewritten = new string?[original.Count];
        var dropped = new bool[original.Count];
        var addedAfter = new string?[original.Count];

        foreach (var tokenIndex in _edits.Keys.Select(o => _arguments.Options[o].TokenIndex).Distinct())
        {
            RewriteOptionToken(tokenIndex, rewritten, dropped, addedAfter);
        }

        var slots = new List<ArgumentSlot>(original.Count + _inserted.Count + 1);
        if (_arguments.CommandTokenIndex < 0)
        {
            AddInserted(slots);
        }

        for (var i = 0; i < original.Count; i++)
        {
            if (!dropped[i])
            {
                slots.Add(rewritten[i] is { } text ? new ArgumentSlot(-1, text) : new ArgumentSlot(i, original[i]));
            }

            if (addedAfter[i] is { } added)
            {
                slots.Add(new ArgumentSlot(-1, added));
            }

            if (i == _arguments.CommandTokenIndex)
            {
                AddInserted(slots);
            }
        }

        return slots;
    }

    private void AddInserted(List<ArgumentSlot> slots)
    {
        foreach (var token in _inserted)
        {
            slots.Add(new ArgumentSlot(-1, token));
        }
    }

    private void RewriteOptionToken(int tokenIndex, string?[] rewritten, bool[] dropped, string?[] addedAfter)
    {
        var token = _arguments.Original[tokenIndex];
        var options = _arguments.Options.Where(o => o.TokenIndex == tokenIndex).ToList();
        var segments = new List<string>(options.Count);
        var changed = false;
        foreach (var option in options)
        {
            var segment = OriginalSegment(token, option);
            if (_edits.TryGetValue(option.Ordinal, out var newValue))
            {
                var edited = newValue is null ? Removal(option, dropped) : WithValue(option, newValue, rewritten, dropped, addedAfter);
                changed |= edited != segment;
                segment = edited;
            }

            segments.Add(segment);
        }

        if (!changed)
        {
            return;
        }

        var text = options[0].IsLong ? segments[0] : "-" + string.Concat(segments);
        if (text.Length == 0 || text == "-")
        {
            dropped[tokenIndex] = true;
        }
        else
        {
            rewritten[tokenIndex] = text;
        }
    }

    private static string OriginalSegment(string token, UvOption option) =>
        option.IsLong ? token : token.Substring(option.ShortOffset, option.SegmentLength);

    private static string Removal(UvOption option, bool[] dropped)
    {
        if (option.ValueTokenIndex is { } valueIndex)
        {
            dropped[valueIndex] = true;
        }

        return "";
    }

    /// <summary>The option's new segment; a separate value is replaced (or added) in its own token instead.</summary>
    private static string WithValue(UvOption option, string value, string?[] rewritten, bool[] dropped, string?[] addedAfter)
    {
        var head = option.IsLong ? option.Spelling : option.Spelling[1..];
        switch (option.Form)
        {
            case OptionForm.LongEquals or OptionForm.ShortEquals or OptionForm.BundledEquals:
                return head + "=" + value;

            // clap drops one '=' after a short letter, and reads nothing attached as "value follows".
            case OptionForm.ShortAttached or OptionForm.BundledAttached:
                return value.Length == 0 || value[0] == '=' ? head + "=" + value : head + value;
        }

        // Separate form (or a value missing): a value clap would read as an option must be attached.
        if (TokenShape.LooksLikeOption(value))
        {
            if (option.ValueTokenIndex is { } valueIndex)
            {
                dropped[valueIndex] = true;
            }

            return head + "=" + value;
        }

        if (option.ValueTokenIndex is { } index)
        {
            rewritten[index] = value;
        }
        else
        {
            addedAfter[option.TokenIndex] = value;
        }

        // A separate-value letter is the last of its bundle, so its segment is just the letter.
        return head;
    }

    private void CheckOwned(UvOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (option.Ordinal >= _arguments.Options.Count || !ReferenceEquals(_arguments.Options[option.Ordinal], option))
        {
            throw new ArgumentException("The option does not come from the arguments being edited.", nameof(option));
        }
    }
}
