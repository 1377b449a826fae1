namespace UvShim.FakeUv.Grammar;

/// <summary>
/// uv's command-line grammar as <c>scripts/uv-grammar.py</c> writes it (format in this folder's README.md):
/// the clap derives of uv's <c>crates/uv-cli</c>, one <see cref="GrammarCommand"/> per command level.
/// </summary>
internal sealed class GrammarDocument
{
    public int FormatVersion { get; init; }

    public string UvVersion { get; init; } = "";

    public string Source { get; init; } = "";

    public GrammarCommand Root { get; init; } = new();
}

/// <summary>One clap <c>Command</c>: its own args (globals of the levels above are not repeated here), groups and subcommands.</summary>
internal sealed class GrammarCommand
{
    public string Name { get; init; } = "";

    public List<string> Aliases { get; init; } = [];

    public bool Hidden { get; init; }

    public List<GrammarArg> Args { get; init; } = [];

    public List<GrammarGroup> Groups { get; init; } = [];

    public List<GrammarCommand> Subcommands { get; init; } = [];

    public bool SubcommandRequired { get; init; }

    public bool ArgRequiredElseHelp { get; init; }

    public bool ExternalSubcommand { get; init; }

    public string? ExternalSubcommandValueType { get; init; }

    public bool ArgsConflictsWithSubcommands { get; init; }

    /// <summary>Effective clap settings (<c>argsOverrideSelf</c>, <c>allowHyphenValues</c>, …), global ones propagated.</summary>
    public Dictionary<string, bool> Settings { get; init; } = [];

    public string? Cfg { get; init; }

    public bool Implicit { get; init; }

    public string? RustType { get; init; }
}

/// <summary>One clap <c>Arg</c>, with the settings the parser and the validator look at.</summary>
internal sealed class GrammarArg
{
    public string Id { get; init; } = "";

    public string? Long { get; init; }

    public string? Short { get; init; }

    public List<string> Aliases { get; init; } = [];

    public List<string> ShortAliases { get; init; } = [];

    /// <summary><c>set</c>, <c>append</c>, <c>setTrue</c>, <c>setFalse</c>, <c>count</c>, <c>help</c>, <c>helpShort</c>, <c>version</c>.</summary>
    public string Action { get; init; } = "set";

    public bool TakesValue { get; init; }

    public bool Positional { get; init; }

    public int? Index { get; init; }

    public string? ValueName { get; init; }

    public string? ValueDelimiter { get; init; }

    public GrammarRange? NumArgs { get; init; }

    public List<string>? PossibleValues { get; init; }

    public bool EmptyValueRejected { get; init; }

    /// <summary><c>string</c>, <c>path</c>, <c>bool</c>, <c>boolish</c>, <c>falsey</c>, <c>number:u8</c>, <c>enum:T</c>, <c>unknownArgument:--x</c>, <c>fn:f</c>, …</summary>
    public string? ValueParser { get; init; }

    public bool Global { get; init; }

    public bool Hidden { get; init; }

    public bool Required { get; init; }

    public bool Last { get; init; }

    public bool TrailingVarArg { get; init; }

    public bool AllowHyphenValues { get; init; }

    public bool AllowNegativeNumbers { get; init; }

    public bool RequireEquals { get; init; }

    public bool IgnoreCase { get; init; }

    public string? Env { get; init; }

    public bool EnvBoolish { get; init; }

    public string? DefaultValue { get; init; }

    public string? DefaultMissingValue { get; init; }

    public List<string> ConflictsWith { get; init; } = [];

    public List<string> OverridesWith { get; init; } = [];

    public List<string> Requires { get; init; } = [];

    public List<string> Groups { get; init; } = [];

    public bool Exclusive { get; init; }

    /// <summary>Other constraints as written, e.g. <c>{"method": "required_if_eq", "args": ["script", "true"]}</c>.</summary>
    public List<GrammarRule> Rules { get; init; } = [];

    public string? Cfg { get; init; }

    public bool Implicit { get; init; }

    public string? RustType { get; init; }
}

/// <summary>How many values one occurrence takes; <c>max</c> null is unbounded.</summary>
internal sealed class GrammarRange
{
    public int Min { get; init; }

    public int? Max { get; init; }
}

/// <summary>A constraint the format does not name (<c>required_if_eq</c>, …).</summary>
internal sealed class GrammarRule
{
    public string Method { get; init; } = "";

    public List<string> Args { get; init; } = [];
}

/// <summary>A clap <c>ArgGroup</c>.</summary>
internal sealed class GrammarGroup
{
    public string Id { get; init; } = "";

    public List<string> Args { get; init; } = [];

    public bool Required { get; init; }

    public bool Multiple { get; init; }

    public List<string> ConflictsWith { get; init; } = [];

    public List<string> Requires { get; init; } = [];

    /// <summary>The group clap derive makes of every <c>Args</c> struct.</summary>
    public bool Implicit { get; init; }

    public string? RustType { get; init; }
}
