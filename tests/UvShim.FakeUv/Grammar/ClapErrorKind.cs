namespace UvShim.FakeUv.Grammar;

/// <summary>clap's <c>ErrorKind</c> (clap_builder/src/error/kind.rs), the kinds uv's grammar can produce.</summary>
internal enum ClapErrorKind
{
    InvalidValue,
    UnknownArgument,
    InvalidSubcommand,
    NoEquals,
    ValueValidation,
    TooManyValues,
    TooFewValues,
    WrongNumberOfValues,
    ArgumentConflict,
    MissingRequiredArgument,
    MissingSubcommand,
    InvalidUtf8,
    DisplayHelp,
    DisplayHelpOnMissingArgumentOrSubcommand,
    DisplayVersion,
}
