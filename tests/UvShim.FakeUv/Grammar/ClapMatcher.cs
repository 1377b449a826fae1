namespace UvShim.FakeUv.Grammar;

/// <summary>Where a matched value came from (clap's <c>ValueSource</c>; defaults are not modelled, so every match is explicit).</summary>
internal enum ClapSource
{
    Environment = 1,
    CommandLine = 2,
}

/// <summary>How an option was written (clap's <c>Identifier</c>); help and version use it to pick short or long output.</summary>
internal enum ClapIdentifier
{
    Short,
    Long,
    Index,
}

/// <summary>One entry of the matches: an arg's raw values (after the value delimiter), or a group's member ids.</summary>
internal sealed class ClapMatched(ClapSource source, bool isGroup)
{
    public ClapSource Source { get; set; } = source;

    public bool IsGroup { get; } = isGroup;

    public List<string> Values { get; } = [];
}

/// <summary>Values collected for an option or positional that are not yet applied (clap's <c>PendingArg</c>).</summary>
internal sealed class ClapPending(ClapArg arg, ClapIdentifier? identifier)
{
    public ClapArg Arg { get; } = arg;

    public ClapIdentifier? Identifier { get; } = identifier;

    public List<string> RawValues { get; } = [];
}

/// <summary>
/// clap's <c>ArgMatcher</c> for one command level: matched args and groups in insertion order (a removed entry that
/// comes back goes to the end, as in clap's <c>FlatMap</c>), the pending values, and the subcommand that followed.
/// </summary>
internal sealed class ClapMatcher
{
    private readonly OrderedDictionary<string, ClapMatched> _entries = new(StringComparer.Ordinal);

    public ClapPending? Pending { get; set; }

    public ClapSubcommandMatch? Subcommand { get; set; }

    /// <summary>Every command-line occurrence in the order clap applied it, overridden ones included (not clap's; for the fake's view).</summary>
    public List<(ClapArg Arg, IReadOnlyList<string> Values)> Occurrences { get; } = [];

    public IEnumerable<KeyValuePair<string, ClapMatched>> Entries => _entries;

    public IEnumerable<string> Ids => _entries.Keys;

    public bool Contains(string id) => _entries.ContainsKey(id);

    public ClapMatched? Get(string id) => _entries.GetValueOrDefault(id);

    /// <summary>clap's <c>check_explicit(id, IsPresent)</c>: every modelled source is explicit.</summary>
    public bool IsPresent(string id) => _entries.ContainsKey(id);

    public bool Remove(string id) => _entries.Remove(id);

    public void StartArg(string id, ClapSource source) => Start(id, source, isGroup: false);

    public void StartGroup(string id, ClapSource source) => Start(id, source, isGroup: true);

    public void AddValue(string id, string value) => _entries[id].Values.Add(value);

    private void Start(string id, ClapSource source, bool isGroup)
    {
        if (_entries.TryGetValue(id, out var existing))
        {
            existing.Source = (ClapSource)Math.Max((int)existing.Source, (int)source);
            return;
        }
        _entries.Add(id, new ClapMatched(source, isGroup));
    }
}

/// <summary>The subcommand a level handed the rest of the command line to: a known one, or an external command.</summary>
internal sealed class ClapSubcommandMatch(string name, ClapCommand? command, ClapMatcher? matcher, IReadOnlyList<string> externalArguments)
{
    public string Name { get; } = name;

    /// <summary>Null for an external subcommand (<c>uv run python …</c>).</summary>
    public ClapCommand? Command { get; } = command;

    public ClapMatcher? Matcher { get; } = matcher;

    /// <summary>For an external subcommand: every argument after its name, unparsed.</summary>
    public IReadOnlyList<string> ExternalArguments { get; } = externalArguments;

    public bool IsExternal => Command is null;
}
