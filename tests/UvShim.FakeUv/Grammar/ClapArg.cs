using System.Text;

namespace UvShim.FakeUv.Grammar;

/// <summary>
/// One argument of a built command (its own or a global propagated from above), with clap's renderings:
/// <see cref="Display"/> is clap's <c>Arg</c> <c>Display</c> (<c>--python &lt;PYTHON&gt;</c>, <c>--quiet...</c>,
/// <c>[PACKAGE]...</c>), from clap_builder/src/builder/arg.rs <c>stylized</c> and <c>render_arg_val</c>.
/// Settings the parser does not model (<c>allow_hyphen_values</c>, <c>allow_negative_numbers</c>, <c>require_equals</c>,
/// rules other than <c>required_if_eq</c>) make the grammar fail to load rather than be misread; uv 0.12.5 uses none.
/// </summary>
internal sealed class ClapArg
{
    public ClapArg(GrammarArg arg, int? index)
    {
        Id = arg.Id;
        Long = arg.Long;
        Short = ParseShort(arg.Short, arg.Id);
        Aliases = arg.Aliases;
        ShortAliases = arg.ShortAliases.Select(s => ParseShort(s, arg.Id)!.Value).ToList();
        Action = ParseAction(arg.Action, arg.Id);
        TakesValue = Action is ClapAction.Set or ClapAction.Append;
        if (arg.TakesValue != TakesValue && !arg.Positional)
        {
            throw new InvalidDataException($"grammar: arg `{arg.Id}` says takesValue={arg.TakesValue} for action {arg.Action}");
        }
        IsPositional = arg.Positional;
        Index = index;
        ValueName = arg.ValueName ?? arg.Id.ToUpperInvariant();
        Delimiter = string.IsNullOrEmpty(arg.ValueDelimiter) ? null : arg.ValueDelimiter[0];
        (MinValues, MaxValues) = arg.NumArgs is { } range
            ? (range.Min, range.Max)
            : TakesValue ? (1, IsPositional && Action == ClapAction.Append ? null : 1) : (0, 0);
        PossibleValues = arg.PossibleValues;
        IgnoreCase = arg.IgnoreCase;
        RejectsEmpty = arg.EmptyValueRejected;
        ValueParser = arg.ValueParser;
        IsGlobal = arg.Global;
        IsHidden = arg.Hidden;
        IsRequired = arg.Required;
        IsLast = arg.Last;
        IsTrailingVarArg = arg.TrailingVarArg;
        Env = arg.Env;
        EnvBoolish = arg.EnvBoolish;
        ConflictsWith = arg.ConflictsWith;
        Overrides = arg.OverridesWith;
        Requires = arg.Requires;
        Groups = arg.Groups;
        IsExclusive = arg.Exclusive;
        foreach (var rule in arg.Rules)
        {
            if (rule is not { Method: "required_if_eq", Args: [var other, var value] })
            {
                throw new NotSupportedException($"grammar: arg `{arg.Id}` has a rule the fake does not model: {rule.Method}");
            }
            RequiredIfEqual.Add((other, value));
        }
        if (arg.AllowHyphenValues || arg.AllowNegativeNumbers || arg.RequireEquals)
        {
            throw new NotSupportedException($"grammar: arg `{arg.Id}` uses allow_hyphen_values, allow_negative_numbers or require_equals, which the fake does not model");
        }
        Display = Stylized(null);
    }

    public string Id { get; }

    public string? Long { get; }

    public char? Short { get; }

    public IReadOnlyList<string> Aliases { get; }

    public IReadOnlyList<char> ShortAliases { get; }

    public ClapAction Action { get; }

    public bool TakesValue { get; }

    public bool IsPositional { get; }

    /// <summary>1-based position among the command's positionals; null for options.</summary>
    public int? Index { get; }

    public string ValueName { get; }

    public char? Delimiter { get; }

    /// <summary>clap's <c>num_args</c>: values per occurrence (a positional <c>Vec</c> is <c>1..</c>, flags <c>0</c>).</summary>
    public int MinValues { get; }

    /// <summary>Null: unbounded.</summary>
    public int? MaxValues { get; }

    /// <summary>clap's <c>is_multiple_values_set</c>: more than one value per occurrence is possible.</summary>
    public bool IsMultipleValues => MaxValues != MinValues || MinValues > 1;

    public IReadOnlyList<string>? PossibleValues { get; }

    public bool IgnoreCase { get; }

    public bool RejectsEmpty { get; }

    /// <summary>The grammar's name for the value parser (<c>path</c>, <c>boolish</c>, <c>number:u8</c>, …), or null.</summary>
    public string? ValueParser { get; }

    /// <summary><c>required_if_eq(other, value)</c>: required when <c>other</c> was given with that raw value.</summary>
    public List<(string Other, string Value)> RequiredIfEqual { get; } = [];

    public bool IsGlobal { get; }

    public bool IsHidden { get; }

    public bool IsRequired { get; }

    public bool IsLast { get; }

    public bool IsTrailingVarArg { get; }

    public string? Env { get; }

    public bool EnvBoolish { get; }

    public IReadOnlyList<string> ConflictsWith { get; }

    public IReadOnlyList<string> Overrides { get; }

    public IReadOnlyList<string> Requires { get; }

    public IReadOnlyList<string> Groups { get; }

    public bool IsExclusive { get; }

    /// <summary>clap's <c>is_multiple</c>: an <c>Append</c> arg collects every occurrence.</summary>
    public bool IsMultiple => Action == ClapAction.Append;

    public bool IsFlag => !TakesValue && !IsPositional;

    /// <summary>clap's <c>arg.to_string()</c>, as error messages show an argument.</summary>
    public string Display { get; }

    /// <summary>clap's <c>Arg::stylized(styles, required)</c> without the styling.</summary>
    public string Stylized(bool? required)
    {
        var text = new StringBuilder();
        if (Long is not null)
        {
            text.Append("--").Append(Long);
        }
        else if (Short is { } letter)
        {
            text.Append('-').Append(letter);
        }
        var optionalValue = MinValues == 0;
        if (TakesValue && !IsPositional)
        {
            text.Append(optionalValue ? " [" : " ");
        }
        if (TakesValue || IsPositional)
        {
            text.Append(RenderValues(required ?? IsRequired));
        }
        else if (Action == ClapAction.Count)
        {
            text.Append("...");
        }
        if (TakesValue && !IsPositional && optionalValue)
        {
            text.Append(']');
        }
        return text.ToString();
    }

    // render_arg_val: the value name once per required value, `...` when more may follow.
    private string RenderValues(bool required)
    {
        var count = Math.Max(MinValues, 1);
        var names = new List<string>();
        for (var n = 0; n < count; n++)
        {
            var pastMinimum = MinValues <= n;
            var optional = IsPositional ? !required || pastMinimum : MinValues != 0 && pastMinimum;
            names.Add(optional ? $"[{ValueName}]" : $"<{ValueName}>");
        }
        var rendered = string.Join(' ', names);
        if (count < (MaxValues ?? int.MaxValue) || (IsPositional && Action == ClapAction.Append))
        {
            rendered += "...";
        }
        return rendered;
    }

    /// <summary>clap's <c>name_no_brackets</c>: how a positional appears inside a group (<c>&lt;PACKAGE|--requirements …&gt;</c>).</summary>
    public string NameNoBrackets => ValueName;

    public override string ToString() => Display;

    private static char? ParseShort(string? text, string id) =>
        text switch
        {
            null or "" => null,
            { Length: 1 } => text[0],
            _ => throw new InvalidDataException($"grammar: arg `{id}` has a short name that is not one character: {text}"),
        };

    private static ClapAction ParseAction(string action, string id) =>
        action switch
        {
            "set" => ClapAction.Set,
            "append" => ClapAction.Append,
            "setTrue" => ClapAction.SetTrue,
            "setFalse" => ClapAction.SetFalse,
            "count" => ClapAction.Count,
            "help" => ClapAction.Help,
            "helpShort" => ClapAction.HelpShort,
            "helpLong" => ClapAction.HelpLong,
            "version" => ClapAction.Version,
            _ => throw new InvalidDataException($"grammar: arg `{id}` has an unknown action `{action}`"),
        };
}
