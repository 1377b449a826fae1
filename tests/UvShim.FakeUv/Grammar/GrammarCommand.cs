using System.Text.Json.Serialization;

namespace UvShim.FakeUv.Grammar;

/// <summary>One clap <c>Command</c> (uv's grammar file, format in this folder's README.md): its own args (globals of the levels above are not repeated here), groups and subcommands.</summary>
internal sealed class GrammarCommand
{
    public string Name { get; set; } = "";

    public List<string> Aliases { get; set; } = [];

    public bool Hidden { get; set; }

    public List<GrammarArg> Args { get; set; } = [];

    public List<GrammarGroup> Groups { get; set; } = [];

    /// <summary>Subcommands of a grammar built in code; from the file they are read on demand (<see cref="GrammarFile"/>).</summary>
    [JsonIgnore]
    public List<GrammarCommand> Subcommands { get; set; } = [];

    public bool SubcommandRequired { get; set; }

    public bool ArgRequiredElseHelp { get; set; }

    public bool ExternalSubcommand { get; set; }

    public string? ExternalSubcommandValueType { get; set; }

    public bool ArgsConflictsWithSubcommands { get; set; }

    /// <summary>Effective clap settings (<c>argsOverrideSelf</c>, <c>allowHyphenValues</c>, …), global ones propagated.</summary>
    public Dictionary<string, bool> Settings { get; set; } = [];

    public string? Cfg { get; set; }

    public bool Implicit { get; set; }

    public string? RustType { get; set; }
}

/// <summary>One clap <c>Arg</c>, with the settings the parser and the validator look at.</summary>
internal sealed class GrammarArg
{
    public string Id { get; set; } = "";

    public string? Long { get; set; }

    public string? Short { get; set; }

    public List<string> Aliases { get; set; } = [];

    public List<string> ShortAliases { get; set; } = [];

    /// <summary><c>set</c>, <c>append</c>, <c>setTrue</c>, <c>setFalse</c>, <c>count</c>, <c>help</c>, <c>helpShort</c>, <c>version</c>.</summary>
    public string Action { get; set; } = "set";

    public bool TakesValue { get; set; }

    public bool Positional { get; set; }

    public int? Index { get; set; }

    public string? ValueName { get; set; }

    public string? ValueDelimiter { get; set; }

    public GrammarRange? NumArgs { get; set; }

    public List<string>? PossibleValues { get; set; }

    public bool EmptyValueRejected { get; set; }

    /// <summary><c>string</c>, <c>path</c>, <c>bool</c>, <c>boolish</c>, <c>falsey</c>, <c>number:u8</c>, <c>enum:T</c>, <c>unknownArgument:--x</c>, <c>fn:f</c>, …</summary>
    public string? ValueParser { get; set; }

    public bool Global { get; set; }

    public bool Hidden { get; set; }

    public bool Required { get; set; }

    public bool Last { get; set; }

    public bool TrailingVarArg { get; set; }

    public bool AllowHyphenValues { get; set; }

    public bool AllowNegativeNumbers { get; set; }

    public bool RequireEquals { get; set; }

    public bool IgnoreCase { get; set; }

    public string? Env { get; set; }

    public bool EnvBoolish { get; set; }

    public string? DefaultValue { get; set; }

    public string? DefaultMissingValue { get; set; }

    public List<string> ConflictsWith { get; set; } = [];

    public List<string> OverridesWith { get; set; } = [];

    public List<string> Requires { get; set; } = [];

    public List<string> Groups { get; set; } = [];

    public bool Exclusive { get; set; }

    /// <summary>Other constraints as written, e.g. <c>{"method": "required_if_eq", "args": ["script", "true"]}</c>.</summary>
    public List<GrammarRule> Rules { get; set; } = [];

    public string? Cfg { get; set; }

    public bool Implicit { get; set; }

    public string? RustType { get; set; }
}

/// <summary>How many values one occurrence takes; <c>max</c> null is unbounded.</summary>
internal sealed class GrammarRange
{
    public int Min { get; set; }

    public int? Max { get; set; }
}

/// <summary>A constraint the format does not name (<c>required_if_eq</c>, …).</summary>
internal sealed class GrammarRule
{
    public string Method { get; set; } = "";

    public List<string> Args { get; set; } = [];
}

/// <summary>A clap <c>ArgGroup</c>.</summary>
internal sealed class GrammarGroup
{
    public string Id { get; set; } = "";

    public List<string> Args { get; set; } = [];

    public bool Required { get; set; }

    public bool Multiple { get; set; }

    public List<string> ConflictsWith { get; set; } = [];

    public List<string> Requires { get; set; } = [];

    /// <summary>The group clap derive makes of every <c>Args</c> struct.</summary>
    public bool Implicit { get; set; }

    public string? RustType { get; set; }
}
