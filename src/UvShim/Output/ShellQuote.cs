namespace UvShim.Output;

/// <summary>Shows a command line so it can be pasted into a POSIX shell. Display only: uvshim never runs a shell.</summary>
internal static class ShellQuote
{
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)))
            return argument;
        return "'" + argument.Replace("'", "'\\''") + "'";
    }
}
