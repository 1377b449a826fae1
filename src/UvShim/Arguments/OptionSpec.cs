namespace UvShim.Arguments;

/// <summary>One uv option: canonical long name, long aliases, short letter, and whether it takes a value.</summary>
internal sealed class OptionSpec
{
    private OptionSpec(string name, char? shortName, bool takesValue, string[] aliases)
    {
        Name = name;
        Short = shortName;
        TakesValue = takesValue;
        Aliases = aliases;
    }

    /// <summary>Canonical long name with its dashes, e.g. <c>--requirements</c>.</summary>
    public string Name { get; }

    public char? Short { get; }

    public bool TakesValue { get; }

    /// <summary>Other long spellings clap accepts, with their dashes, e.g. <c>--requirement</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    public static OptionSpec Value(string name, char? shortName = null, params string[] aliases) =>
        new(name, shortName, takesValue: true, aliases);

    public static OptionSpec Flag(string name, char? shortName = null, params string[] aliases) =>
        new(name, shortName, takesValue: false, aliases);

    public bool HasSameShape(OptionSpec other) =>
        Name == other.Name && Short == other.Short && TakesValue == other.TakesValue;

    public override string ToString() =>
        (Short is { } s ? $"-{s}/" : "") + Name + (TakesValue ? " <VALUE>" : "");
}
