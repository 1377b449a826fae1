using UvShim.FakeUv.Grammar;

namespace UvShim.FakeUv;

/// <summary>
/// The command implementations' view of a command line uv accepted (<see cref="UvParser"/> with uv's grammar): they
/// ask by any spelling of an option (long name, alias, short letter or clap id: <c>Value("python", "p")</c>) and see
/// what was given <em>on the command line</em>, at whatever level (globals propagate as in clap); environment
/// variables stay theirs to read. Overrides are already applied: of <c>--system --no-system</c> only the last is left.
/// </summary>
internal sealed class UvCommandLine
{
    private UvCommandLine(ParsedCommandLine parsed)
    {
        Parsed = parsed;
        Words = [.. parsed.CommandPath, .. parsed.Positionals];
        if (parsed.External is { } external)
        {
            Words.Add(external.Name);
            Words.AddRange(external.ExternalArguments);
        }
    }

    /// <summary>Parses like uv: throws <see cref="ClapError"/> or <see cref="UvError"/> where uv rejects the command line.</summary>
    public static UvCommandLine Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null) =>
        new(UvParser.Parse(UvGrammar.Root, args, environment ?? Environment.GetEnvironmentVariable));

    public static UvCommandLine From(ParsedCommandLine parsed) => new(parsed);

    public ParsedCommandLine Parsed { get; }

    /// <summary>The subcommand path (canonical names: <c>pip list</c> for <c>pip ls</c>), then the positionals (or the external command).</summary>
    public List<string> Words { get; }

    /// <summary>The first word (<c>pip</c>, <c>run</c>, …), or empty.</summary>
    public string Command => Parsed.CommandPath.Count > 0 ? Parsed.CommandPath[0] : "";

    /// <summary>For <c>pip</c>: the second word (<c>install</c>, …), or empty.</summary>
    public string PipCommand => Command == "pip" && Parsed.CommandPath.Count > 1 ? Parsed.CommandPath[1] : "";

    /// <summary>The positionals after <c>pip &lt;command&gt;</c>: package specs, wheel paths, files.</summary>
    public IEnumerable<string> PipOperands => Command == "pip" ? Parsed.Positionals : [];

    public bool Has(params string[] names) => Matches(names).Any();

    /// <summary>The value of the first named option given on the command line (its last value for a repeatable one).</summary>
    public string? Value(params string[] names) => Matches(names).Select(m => m.Values.LastOrDefault()).FirstOrDefault();

    /// <summary>Every value of the named options given on the command line.</summary>
    public IEnumerable<string> Values(params string[] names) => Matches(names).SelectMany(m => m.Values);

    public bool Quiet => Has("quiet");

    /// <summary>A flag with its <c>--no-…</c> counterpart: the one given last wins; null when neither is given.</summary>
    public bool? FlagPair(string yes, string no)
    {
        var yesArg = Parsed.Resolve(yes);
        var noArg = Parsed.Resolve(no);
        var hasYes = yesArg is not null && Has(yes);
        var hasNo = noArg is not null && Has(no);
        if (hasYes && hasNo)
        {
            return Parsed.Occurrences.Last(o => o.Arg == yesArg || o.Arg == noArg).Arg == yesArg;
        }
        return hasYes ? true : hasNo ? false : null;
    }

    /// <summary>Every option occurrence on the command line in the order given (long name or id, value or null).</summary>
    public IReadOnlyList<(string Name, string? Value)> Options =>
        Parsed.Occurrences
            .Where(o => !o.Arg.IsPositional)
            .Select(o => (o.Arg.Long ?? o.Arg.Id, o.Arg.TakesValue ? o.Values.LastOrDefault() : null))
            .ToList();

    private IEnumerable<ClapMatched> Matches(string[] names) =>
        names.Select(Parsed.Resolve)
            .OfType<ClapArg>()
            .Distinct()
            .Select(a => Parsed.Get(a.Id))
            .OfType<ClapMatched>()
            .Where(m => m.Source == ClapSource.CommandLine);
}
