namespace UvShim.FakeUv.Grammar;

/// <summary>clap's <c>ArgAction</c> (clap_builder/src/builder/action.rs), as far as uv uses it.</summary>
internal enum ClapAction
{
    Set,
    Append,
    SetTrue,
    SetFalse,
    Count,
    Help,
    HelpShort,
    HelpLong,
    Version,
}
