namespace UvShim.Arguments;

/// <summary>
/// A uv command line tokenized as uv's clap parser reads it: the subcommand path, every option
/// occurrence, and the positionals. Commands uvshim hands over unchanged stay opaque past their name.
/// </summary>
public sealed class UvArguments
{
    internal UvArguments(
        IReadOnlyList<string> original,
        IReadOnlyList<string> command,
        int commandTokenIndex,
        bool asksForHelpOrVersion,
        IReadOnlyList<UvOption> options,
        IReadOnlyList<UvPositional> positionals,
        int doubleDashIndex,
        int opaqueStartIndex)
    {
        Original = original;
        Command = command;
        CommandTokenIndex = commandTokenIndex;
        AsksForHelpOrVersion = asksForHelpOrVersion;
        Options = options;
        Positionals = positionals;
        DoubleDashIndex = doubleDashIndex;
        OpaqueStartIndex = opaqueStartIndex;
    }

    /// <summary>The tokens as given (a null element reads as an empty string).</summary>
    public IReadOnlyList<string> Original { get; }

    /// <summary>The subcommand path with aliases normalized: <c>["pip", "list"]</c> for <c>uv pip ls</c>, <c>[]</c> for <c>uv --version</c>.</summary>
    public IReadOnlyList<string> Command { get; }

    /// <summary>Index in <see cref="Original"/> of the last token of <see cref="Command"/>; -1 when there is none.</summary>
    public int CommandTokenIndex { get; }

    /// <summary><c>-h</c>/<c>--help</c> in a parsed context before <c>--</c>, <c>-V</c>/<c>--version</c> at the top level, or <c>uv help</c>.</summary>
    public bool AsksForHelpOrVersion { get; }

    /// <summary>Every option occurrence of the parsed contexts, in order.</summary>
    public IReadOnlyList<UvOption> Options { get; }

    public IReadOnlyList<UvPositional> Positionals { get; }

    /// <summary>Index of the <c>--</c> that ended option parsing; -1 when there is none (or it lies in the opaque part).</summary>
    public int DoubleDashIndex { get; }

    /// <summary>
    /// Index of the first token after a command uvshim does not parse (<c>run</c>, <c>pip compile</c>, an
    /// unknown word, ...); may equal <c>Original.Count</c>. -1 when the whole line was parsed.
    /// </summary>
    public int OpaqueStartIndex { get; }

    public bool IsOpaque => OpaqueStartIndex >= 0;

    /// <summary>The raw tokens after an opaque command, untouched by the parser.</summary>
    public IReadOnlyList<string> OpaqueTokens =>
        IsOpaque ? Original.Skip(OpaqueStartIndex).ToArray() : [];

    public static UvArguments Parse(IReadOnlyList<string> args) => UvArgumentParser.Parse(args);

    /// <summary>True when <see cref="Command"/> is exactly <paramref name="path"/>.</summary>
    public bool IsCommand(params string[] path) => Command.SequenceEqual(path, StringComparer.Ordinal);

    public bool Has(string canonicalName) => Last(canonicalName) is not null;

    public UvOption? Last(string canonicalName)
    {
        for (var i = Options.Count - 1; i >= 0; i--)
        {
            if (Options[i].Name == canonicalName)
            {
                return Options[i];
            }
        }

        return null;
    }

    public IEnumerable<UvOption> All(string canonicalName) => Options.Where(o => o.Name == canonicalName);

    public UvArgumentsEditor Edit() => new(this);

    public override string ToString() => string.Join(' ', Original);
}
