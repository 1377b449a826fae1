using System.Runtime.Versioning;
using UvShim.FakeUv.Grammar;

namespace UvShim.Tests.FakeUv;

/// <summary>
/// A small uv-shaped grammar built in code, so the parser's clap behaviours are tested apart from the generated file:
/// globals with environment variables, a count pair that conflicts, <c>pip</c> with a required subcommand and a
/// pip-level global, <c>pip install</c> with a required group, overrides, conflicts and value checks, <c>run</c> with an
/// external subcommand, <c>format</c> with a <c>last</c> positional.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class MiniGrammar
{
    public static readonly ClapCommand Root = ClapCommand.Build(new GrammarCommand
    {
        Name = "uv",
        SubcommandRequired = true,
        ArgRequiredElseHelp = true,
        Args =
        [
            Count("quiet", 'q', conflictsWith: "verbose"),
            Count("verbose", 'v', conflictsWith: "quiet"),
            new GrammarArg { Id = "no_cache", Long = "no-cache", Short = "n", Aliases = ["no-cache-dir"], Action = "setTrue", Global = true, Env = "UV_NO_CACHE", EnvBoolish = true },
            new GrammarArg { Id = "directory", Long = "directory", Action = "set", TakesValue = true, ValueName = "DIRECTORY", Global = true, Env = "UV_WORKING_DIR", EmptyValueRejected = true },
            new GrammarArg { Id = "offline", Long = "offline", Action = "setTrue", Global = true, OverridesWith = ["no_offline"] },
            new GrammarArg { Id = "no_offline", Long = "no-offline", Action = "setTrue", Global = true, Hidden = true, OverridesWith = ["offline"] },
            new GrammarArg { Id = "color", Long = "color", Action = "set", TakesValue = true, ValueName = "COLOR_CHOICE", Global = true, PossibleValues = ["auto", "always", "never"], EmptyValueRejected = true },
            new GrammarArg { Id = "help", Long = "help", Short = "h", Action = "helpShort", Global = true },
            new GrammarArg { Id = "version", Long = "version", Short = "V", Action = "version" },
        ],
        Subcommands =
        [
            new GrammarCommand
            {
                Name = "pip",
                SubcommandRequired = true,
                ArgRequiredElseHelp = true,
                Args = [new GrammarArg { Id = "cert", Long = "cert", Action = "set", TakesValue = true, ValueName = "CERT", Global = true }],
                Subcommands = [Install(), List(), PipSync()],
            },
            new GrammarCommand
            {
                Name = "run",
                ExternalSubcommand = true,
                Args =
                [
                    new GrammarArg { Id = "module", Long = "module", Short = "m", Action = "setTrue" },
                    new GrammarArg { Id = "with", Long = "with", Action = "append", TakesValue = true, ValueName = "WITH" },
                ],
            },
            new GrammarCommand
            {
                Name = "sync",
                Args =
                [
                    new GrammarArg { Id = "no_binary", Long = "no-binary", Action = "setTrue" },
                    new GrammarArg { Id = "script", Long = "script", Action = "set", TakesValue = true, ValueName = "SCRIPT", EmptyValueRejected = true },
                    new GrammarArg { Id = "locked", Long = "locked", Action = "setTrue", Requires = ["script"] },
                ],
            },
            new GrammarCommand
            {
                Name = "format",
                Args =
                [
                    new GrammarArg { Id = "check", Long = "check", Action = "setTrue" },
                    new GrammarArg { Id = "extra_args", Action = "append", TakesValue = true, Positional = true, Index = 1, ValueName = "EXTRA_ARGS", Last = true },
                ],
            },
        ],
    });

    private static GrammarArg Count(string id, char letter, string conflictsWith) =>
        new() { Id = id, Long = id, Short = letter.ToString(), Action = "count", Global = true, ConflictsWith = [conflictsWith] };

    private static GrammarCommand Install() => new()
    {
        Name = "install",
        Args =
        [
            new GrammarArg { Id = "package", Action = "append", TakesValue = true, Positional = true, Index = 1, ValueName = "PACKAGE", Groups = ["sources"] },
            new GrammarArg { Id = "requirements", Long = "requirements", Short = "r", Aliases = ["requirement"], Action = "append", TakesValue = true, ValueName = "REQUIREMENTS", Groups = ["sources"], EmptyValueRejected = true },
            new GrammarArg { Id = "python", Long = "python", Short = "p", Action = "set", TakesValue = true, ValueName = "PYTHON", Env = "UV_PYTHON" },
            new GrammarArg { Id = "system", Long = "system", Action = "setTrue", Env = "UV_SYSTEM_PYTHON", EnvBoolish = true, OverridesWith = ["no_system"] },
            new GrammarArg { Id = "no_system", Long = "no-system", Action = "setTrue", Hidden = true, OverridesWith = ["system"] },
            new GrammarArg { Id = "target", Long = "target", Short = "t", Action = "set", TakesValue = true, ValueName = "TARGET", ConflictsWith = ["prefix"], EmptyValueRejected = true },
            new GrammarArg { Id = "prefix", Long = "prefix", Action = "set", TakesValue = true, ValueName = "PREFIX", ConflictsWith = ["target"], EmptyValueRejected = true },
            new GrammarArg { Id = "no_binary", Long = "no-binary", Action = "append", TakesValue = true, ValueName = "NO_BINARY", ValueDelimiter = "," },
            new GrammarArg { Id = "user", Long = "user", Action = "setTrue" },
        ],
        Groups = [new GrammarGroup { Id = "sources", Args = ["package", "requirements"], Required = true, Multiple = true }],
    };

    private static GrammarCommand List() => new()
    {
        Name = "list",
        Aliases = ["ls"],
        Args =
        [
            new GrammarArg { Id = "format", Long = "format", Action = "set", TakesValue = true, ValueName = "FORMAT", PossibleValues = ["columns", "freeze", "json"], EmptyValueRejected = true },
            new GrammarArg { Id = "editable", Long = "editable", Short = "e", Action = "setTrue", ConflictsWith = ["exclude_editable"] },
            new GrammarArg { Id = "exclude_editable", Long = "exclude-editable", Action = "setTrue" },
        ],
    };

    private static GrammarCommand PipSync() => new()
    {
        Name = "sync",
        Args =
        [
            new GrammarArg { Id = "src_file", Action = "append", TakesValue = true, Positional = true, Index = 1, ValueName = "SRC_FILE", Required = true },
            new GrammarArg { Id = "ask", Long = "ask", Short = "a", Action = "setTrue" },
        ],
    };
}
