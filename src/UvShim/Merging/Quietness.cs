using UvShim.Arguments;

namespace UvShim.Merging;

/// <summary>
/// uv's <c>-q</c> for the views uvshim merges (uv 0.12.5 crates/uv/src/printer.rs <c>Printer::new</c>): one <c>-q</c>
/// keeps the "important" output (what <c>pip list</c> and <c>pip freeze</c> print, and errors), a second silences
/// everything. The exit code is uv's either way.
/// </summary>
internal static class Quietness
{
    public static int Level(UvArguments arguments) => arguments.All("--quiet").Count();

    /// <summary>Every <c>-q</c> past the first: a captured list or freeze run keeps one, so uv still prints what uvshim merges.</summary>
    public static IEnumerable<UvOption> BeyondFirst(UvArguments arguments) => arguments.All("--quiet").Skip(1);

    /// <summary><c>Printer::Silent</c>: nothing on either stream, not even errors (<c>stderr_important</c> is disabled).</summary>
    public static bool IsSilent(UvArguments arguments) => Level(arguments) >= 2;
}
