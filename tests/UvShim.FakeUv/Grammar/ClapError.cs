using System.Text;

namespace UvShim.FakeUv.Grammar;

/// <summary>
/// A clap error, built by the same constructors as clap_builder/src/error/mod.rs and rendered like its
/// <c>RichFormatter</c> (error/format.rs) without colours: the message line(s), the suggestions
/// (<c>  tip: …</c>), the usage and <c>For more information, try '--help'.</c> (uv's own <c>--help</c> arg is the
/// user help flag of every level). Help and version are "errors" too: printed to stdout with exit code 0.
/// Not reproduced: colours (uv's styles only apply on a terminal), and uv's help and version text.
/// </summary>
internal sealed class ClapError : Exception
{
    private const string Tab = "  ";

    private ClapError(ClapErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public ClapErrorKind Kind { get; }

    /// <summary>What <c>write_dynamic_context</c> writes after <c>error: </c> (may span lines: possible values, missing args).</summary>
    public string Body => Message;

    /// <summary>clap's <c>ContextKind::InvalidSubcommand</c>, which uv's <c>suggest_subcommand</c> looks at.</summary>
    public string? InvalidSubcommandName { get; private init; }

    /// <summary><c>ContextKind::SuggestedSubcommand</c>: one name (uv's replacement) or clap's candidates.</summary>
    public IReadOnlyList<string>? SuggestedSubcommand { get; set; }

    public bool SuggestedSubcommandIsSingle { get; set; }

    public string? SuggestedArg { get; private init; }

    public string? SuggestedValue { get; private init; }

    public IReadOnlyList<string> Suggestions { get; private init; } = [];

    public string? Usage { get; private init; }

    /// <summary>The text of help and version output (for those kinds only).</summary>
    public string? Output { get; private init; }

    public int ExitCode => Kind is ClapErrorKind.DisplayHelp or ClapErrorKind.DisplayVersion ? 0 : 2;

    public bool UseStderr => Kind is not (ClapErrorKind.DisplayHelp or ClapErrorKind.DisplayVersion);

    /// <summary>The first line as printed: <c>error: unexpected argument '--foo' found</c>.</summary>
    public string FirstLine => Render().Split('\n')[0];

    public string Render()
    {
        if (Output is not null)
        {
            return Output;
        }
        var text = new StringBuilder("error: ").Append(Body);
        var suggested = false;
        if (SuggestedSubcommand is { } subcommands)
        {
            text.Append('\n');
            suggested = StartSuggestions(text, suggested);
            DidYouMean(text, "subcommand", subcommands, SuggestedSubcommandIsSingle);
        }
        if (SuggestedArg is { } argument)
        {
            text.Append('\n');
            suggested = StartSuggestions(text, suggested);
            DidYouMean(text, "argument", [argument], single: true);
        }
        if (SuggestedValue is { } value)
        {
            text.Append('\n');
            suggested = StartSuggestions(text, suggested);
            DidYouMean(text, "value", [value], single: true);
        }
        if (Suggestions.Count > 0)
        {
            if (!suggested)
            {
                text.Append('\n');
            }
            foreach (var suggestion in Suggestions)
            {
                text.Append('\n').Append(Tab).Append("tip: ").Append(suggestion);
            }
        }
        if (Usage is not null)
        {
            text.Append("\n\n").Append(Usage);
        }
        text.Append("\n\nFor more information, try '--help'.\n");
        return text.ToString();
    }

    public void Print()
    {
        var writer = UseStderr ? Console.Error : Console.Out;
        writer.Write(Render());
        writer.Flush();
    }

    public override string ToString() => Render();

    public static ClapError ArgumentConflict(string arg, IReadOnlyList<string> others, string? usage)
    {
        var text = new StringBuilder();
        var prior = others;
        if (others is [var single] && single == arg)
        {
            text.Append($"the argument '{arg}' cannot be used multiple times");
            prior = [];
        }
        else
        {
            text.Append($"the argument '{arg}' cannot be used with");
        }
        AppendPrior(text, prior, isConflict: others.Count == 0 || prior.Count > 0);
        return new ClapError(ClapErrorKind.ArgumentConflict, text.ToString()) { Usage = usage };
    }

    public static ClapError SubcommandConflict(string subcommand, IReadOnlyList<string> others, string? usage)
    {
        var text = new StringBuilder($"the subcommand '{subcommand}' cannot be used with");
        AppendPrior(text, others, isConflict: true);
        return new ClapError(ClapErrorKind.ArgumentConflict, text.ToString()) { Usage = usage, InvalidSubcommandName = subcommand };
    }

    public static ClapError EmptyValue(IReadOnlyList<string> goodValues, string arg) => InvalidValue("", goodValues, arg);

    public static ClapError InvalidValue(string badValue, IReadOnlyList<string> goodValues, string arg)
    {
        var text = new StringBuilder(badValue.Length == 0
            ? $"a value is required for '{arg}' but none was supplied"
            : $"invalid value '{badValue}' for '{arg}'");
        AppendValuesList(text, "possible values", goodValues);
        var suggestion = ClapSuggestions.DidYouMean(badValue, goodValues).LastOrDefault();
        return new ClapError(ClapErrorKind.InvalidValue, text.ToString()) { SuggestedValue = suggestion };
    }

    public static ClapError InvalidSubcommand(string subcommand, IReadOnlyList<string> didYouMean, string binName, bool suggestTrailing, string? usage) =>
        new(ClapErrorKind.InvalidSubcommand, $"unrecognized subcommand '{subcommand}'")
        {
            InvalidSubcommandName = subcommand,
            SuggestedSubcommand = didYouMean,
            Suggestions = suggestTrailing ? [$"to pass '{subcommand}' as a value, use '{binName} -- {subcommand}'"] : [],
            Usage = usage,
        };

    public static ClapError UnrecognizedSubcommand(string subcommand, string? usage) =>
        new(ClapErrorKind.InvalidSubcommand, $"unrecognized subcommand '{subcommand}'") { InvalidSubcommandName = subcommand, Usage = usage };

    public static ClapError MissingRequiredArgument(IReadOnlyList<string> required, string? usage)
    {
        var text = new StringBuilder("the following required arguments were not provided:");
        foreach (var arg in required)
        {
            text.Append('\n').Append(Tab).Append(arg);
        }
        return new ClapError(ClapErrorKind.MissingRequiredArgument, text.ToString()) { Usage = usage };
    }

    public static ClapError MissingSubcommand(string parent, IReadOnlyList<string> available, string? usage)
    {
        var text = new StringBuilder($"'{parent}' requires a subcommand but one was not provided");
        AppendValuesList(text, "subcommands", available);
        return new ClapError(ClapErrorKind.MissingSubcommand, text.ToString()) { InvalidSubcommandName = parent, Usage = usage };
    }

    public static ClapError TooManyValues(string value, string arg, string? usage) =>
        new(ClapErrorKind.TooManyValues, $"unexpected value '{value}' for '{arg}' found; no more were expected") { Usage = usage };

    public static ClapError WrongNumberOfValues(string arg, int expected, int actual, string? usage) =>
        new(ClapErrorKind.WrongNumberOfValues, $"{expected} values required for '{arg}' but {actual}{WereProvided(actual)}") { Usage = usage };

    public static ClapError TooFewValues(string arg, int minimum, int actual, string? usage) =>
        new(ClapErrorKind.TooFewValues, $"{minimum} values required by '{arg}'; only {actual}{WereProvided(actual)}") { Usage = usage };

    public static ClapError ValueValidation(string arg, string value, string reason) =>
        new(ClapErrorKind.ValueValidation, $"invalid value '{value}' for '{arg}': {reason}");

    public static ClapError UnknownArgument(string arg, (string Flag, string? Subcommand)? didYouMean, bool suggestTrailing, string? usage)
    {
        var suggestions = new List<string>();
        if (suggestTrailing)
        {
            suggestions.Add($"to pass '{arg}' as a value, use '-- {arg}'");
        }
        string? suggestedArg = null;
        if (didYouMean is { Subcommand: { } subcommand } inSubcommand)
        {
            suggestions.Add($"'{subcommand} {inSubcommand.Flag}' exists");
        }
        else if (didYouMean is { } here)
        {
            suggestedArg = here.Flag;
        }
        return new ClapError(ClapErrorKind.UnknownArgument, $"unexpected argument '{arg}' found")
        {
            SuggestedArg = suggestedArg,
            Suggestions = suggestions,
            Usage = usage,
        };
    }

    public static ClapError UnnecessaryDoubleDash(string arg, string? usage) =>
        new(ClapErrorKind.UnknownArgument, $"unexpected argument '{arg}' found")
        {
            Suggestions = [$"subcommand '{arg}' exists; to use it, remove the '--' before it"],
            Usage = usage,
        };

    public static ClapError DisplayHelp(string help) =>
        new(ClapErrorKind.DisplayHelp, "help") { Output = help };

    /// <summary>arg_required_else_help: the help, on stderr, exit code 2.</summary>
    public static ClapError DisplayHelpOnMissing(string help) =>
        new(ClapErrorKind.DisplayHelpOnMissingArgumentOrSubcommand, "help") { Output = help };

    public static ClapError DisplayVersion(string version) =>
        new(ClapErrorKind.DisplayVersion, "version") { Output = version };

    private static string WereProvided(int count) => count > 1 ? " were provided" : " was provided";

    private static bool StartSuggestions(StringBuilder text, bool suggested)
    {
        if (!suggested)
        {
            text.Append('\n');
        }
        return true;
    }

    private static void DidYouMean(StringBuilder text, string context, IReadOnlyList<string> candidates, bool single)
    {
        text.Append(Tab).Append("tip:");
        if (single || candidates.Count == 1)
        {
            text.Append($" a similar {context} exists: ");
        }
        else
        {
            text.Append($" some similar {context}s exist: ");
        }
        text.AppendJoin(", ", candidates.Select(c => $"'{c}'"));
    }

    // error/format.rs ArgumentConflict: one prior arg inline, several on their own lines, none "one or more of the other…".
    private static void AppendPrior(StringBuilder text, IReadOnlyList<string> prior, bool isConflict)
    {
        switch (prior.Count)
        {
            case 0 when isConflict:
                text.Append(" one or more of the other specified arguments");
                break;
            case 0:
                break;
            case 1:
                text.Append($" '{prior[0]}'");
                break;
            default:
                text.Append(':');
                foreach (var value in prior)
                {
                    text.Append('\n').Append(Tab).Append(value);
                }
                break;
        }
    }

    // error/format.rs write_values_list; values with whitespace are quoted like Rust's Debug (clap's Escape).
    private static void AppendValuesList(StringBuilder text, string listName, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        text.Append('\n').Append(Tab).Append('[').Append(listName).Append(": ");
        text.AppendJoin(", ", values.Select(v => v.Any(char.IsWhiteSpace) ? $"\"{v.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"" : v));
        text.Append(']');
    }
}
