using UvShim.Native;

namespace UvShim.Commands;

/// <summary>
/// Whether uvshim's own output may use colour, by uv's rule (crates/uv/src/settings.rs): a non-empty
/// <c>NO_COLOR</c> turns it off; otherwise a non-empty <c>FORCE_COLOR</c> or <c>CLICOLOR_FORCE</c> turns it
/// on; otherwise only when standard output is a terminal and <c>TERM</c> is not <c>dumb</c>. On Windows
/// standard output never counts as a terminal here (the console may not take escape sequences), so
/// colour there needs <c>FORCE_COLOR</c>.
/// </summary>
internal static class TerminalColour
{
    public static bool Enabled(bool stdoutIsTerminal, IReadOnlyDictionary<string, string> env)
    {
        if (NonEmpty(env, "NO_COLOR"))
            return false;
        if (NonEmpty(env, "FORCE_COLOR") || NonEmpty(env, "CLICOLOR_FORCE"))
            return true;
        return stdoutIsTerminal && env.GetValueOrDefault("TERM") != "dumb";
    }

    public static bool StdoutIsTerminal() => !OperatingSystem.IsWindows() && Libc.isatty(1) == 1;

    private static bool NonEmpty(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && value.Length > 0;
}
