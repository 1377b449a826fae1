namespace UvShim.FakeUv.Grammar;

/// <summary>What uv does with its arguments before it does anything: clap with the grammar, then uv's own argument checks.</summary>
internal static class UvParser
{
    /// <summary>Throws <see cref="ClapError"/> (clap's errors, help and version) or <see cref="UvError"/> (uv's checks).</summary>
    public static ParsedCommandLine Parse(ClapCommand root, IReadOnlyList<string> arguments, Func<string, string?> environment)
    {
        ClapMatcher matcher;
        try
        {
            matcher = ClapParser.Parse(root, arguments, environment);
        }
        catch (ClapError error)
        {
            throw SuggestSubcommand(error);
        }
        var parsed = new ParsedCommandLine(root, matcher);
        UvArgumentChecks.Check(parsed, environment);
        return parsed;
    }

    /// <summary>clap's error as uv prints it: uv 0.12.5 crates/uv/src/lib.rs <c>suggest_subcommand</c> names the pip command
    /// a misplaced top-level word belongs to.</summary>
    public static ClapError SuggestSubcommand(ClapError error)
    {
        if (error.InvalidSubcommandName is "compile" or "install" or "uninstall" or "freeze" or "list" or "show")
        {
            error.SuggestedSubcommand = [$"uv pip {error.InvalidSubcommandName}"];
            error.SuggestedSubcommandIsSingle = true;
        }
        return error;
    }
}
