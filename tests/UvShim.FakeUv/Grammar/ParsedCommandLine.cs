namespace UvShim.FakeUv.Grammar;

/// <summary>
/// A command line clap accepted: the matches of each level from <c>uv</c> down to the subcommand that was reached,
/// and the external command if there is one (<c>uv run python …</c>). Lookups follow clap's
/// <c>propagate_globals</c> (clap_builder/src/parser/arg_matcher.rs): a global arg's match is the one of the deepest
/// level that has it, unless a level above has it from a stronger source (command line over environment).
/// </summary>
internal sealed class ParsedCommandLine
{
    public ParsedCommandLine(ClapCommand root, ClapMatcher matcher)
    {
        var levels = new List<(ClapCommand, ClapMatcher)> { (root, matcher) };
        while (matcher.Subcommand is { } subcommand)
        {
            if (subcommand.IsExternal)
            {
                External = subcommand;
                break;
            }
            matcher = subcommand.Matcher!;
            levels.Add((subcommand.Command!, matcher));
        }
        Levels = levels;
    }

    public IReadOnlyList<(ClapCommand Command, ClapMatcher Matcher)> Levels { get; }

    /// <summary>The deepest command reached (<c>install</c> for <c>uv pip install x</c>).</summary>
    public ClapCommand Leaf => Levels[^1].Command;

    public ClapSubcommandMatch? External { get; }

    /// <summary>Canonical subcommand names from the top: <c>["pip", "list"]</c> for <c>uv pip ls</c>.</summary>
    public IReadOnlyList<string> CommandPath => Levels.Skip(1).Select(l => l.Command.Name).ToList();

    /// <summary>An arg of the leaf (its own or a propagated global) or of a level above, by long name, alias, short letter or id.</summary>
    public ClapArg? Resolve(string name)
    {
        for (var i = Levels.Count - 1; i >= 0; i--)
        {
            var command = Levels[i].Command;
            var arg = command.FindLong(name) ?? (name.Length == 1 ? command.FindShort(name[0]) : null) ?? command.Find(name);
            if (arg is not null)
            {
                return arg;
            }
        }
        return null;
    }

    /// <summary>The match of an arg id after global propagation, or null when no level has it.</summary>
    public ClapMatched? Get(string id)
    {
        ClapMatched? chosen = null;
        foreach (var (_, matcher) in Levels)
        {
            if (matcher.Get(id) is { IsGroup: false } match && (chosen is null || match.Source >= chosen.Source))
            {
                chosen = match;
            }
        }
        return chosen;
    }

    /// <summary>A flag's value after propagation: true when matched with a true value (a boolish environment value may be false).</summary>
    public bool IsTrue(string id) =>
        Get(id) is { } match && (match.Values.Count == 0 || ClapValueParser.ToBool(match.Values[^1]) != false);

    /// <summary>The leaf's positional values in position order.</summary>
    public IReadOnlyList<string> Positionals =>
        Leaf.Positionals.OrderBy(p => p.Index).SelectMany(p => Levels[^1].Matcher.Get(p.Id)?.Values ?? []).ToList();

    /// <summary>Command-line occurrences of every level, in the order given.</summary>
    public IEnumerable<(ClapArg Arg, IReadOnlyList<string> Values)> Occurrences => Levels.SelectMany(l => l.Matcher.Occurrences);
}
