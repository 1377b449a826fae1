namespace UvShim.Arguments;

/// <summary>One option occurrence on a uv command line.</summary>
public sealed class UvOption
{
    internal UvOption(
        int ordinal,
        string name,
        string spelling,
        string? value,
        int tokenIndex,
        int? valueTokenIndex,
        OptionForm form,
        bool isKnown,
        bool takesValue,
        int shortOffset,
        int segmentLength)
    {
        Ordinal = ordinal;
        Name = name;
        Spelling = spelling;
        Value = value;
        TokenIndex = tokenIndex;
        ValueTokenIndex = valueTokenIndex;
        Form = form;
        IsKnown = isKnown;
        TakesValue = takesValue;
        ShortOffset = shortOffset;
        SegmentLength = segmentLength;
    }

    /// <summary>Canonical long name (<c>--requirements</c> for <c>-r</c>, <c>--requirement</c>); for an unknown option, its spelling.</summary>
    public string Name { get; }

    /// <summary>How the option itself was spelled: <c>--requirement</c>, <c>-r</c>, <c>--unknown</c>.</summary>
    public string Spelling { get; }

    /// <summary>The value; null for a flag or when a value option's value is missing.</summary>
    public string? Value { get; }

    /// <summary>Index of the token holding the option (for a bundle, the whole bundle token).</summary>
    public int TokenIndex { get; }

    /// <summary>Index of the next token when that token is the value (<c>--opt v</c>, <c>-p v</c>, <c>-qp v</c>).</summary>
    public int? ValueTokenIndex { get; }

    public OptionForm Form { get; }

    /// <summary>False when the option is not in the table of its context; it is then kept as written.</summary>
    public bool IsKnown { get; }

    /// <summary>Whether uv declares the option as taking a value (false for unknown options).</summary>
    public bool TakesValue { get; }

    /// <summary>Index of the short letter inside its token (1 for <c>-p</c>, 2 for the <c>U</c> in <c>-qU</c>); -1 for a long option.</summary>
    public int ShortOffset { get; }

    public bool IsLong => ShortOffset < 0;

    public bool IsBundled => Form is OptionForm.BundledFlag or OptionForm.BundledSeparate
        or OptionForm.BundledAttached or OptionForm.BundledEquals;

    /// <summary>A value option with no value: last on the line, or followed by something clap reads as an option.</summary>
    public bool IsValueMissing => TakesValue && Value is null;

    /// <summary>Position in <see cref="UvArguments.Options"/>; ties an option to the parse that produced it.</summary>
    internal int Ordinal { get; }

    /// <summary>Characters of the token owned by this option, from <see cref="ShortOffset"/> (or 0 for a long option).</summary>
    internal int SegmentLength { get; }

    public override string ToString()
    {
        var text = Spelling;
        if (Value is not null)
        {
            text += Form switch
            {
                OptionForm.LongEquals or OptionForm.ShortEquals or OptionForm.BundledEquals => "=",
                OptionForm.ShortAttached or OptionForm.BundledAttached => "",
                _ => " ",
            };
            text += Value;
        }

        return IsKnown ? text : text + " (unknown)";
    }
}
