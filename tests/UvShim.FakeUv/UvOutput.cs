using System.Globalization;

namespace UvShim.FakeUv;

/// <summary>uv's summary lines on stderr, silenced by <c>-q</c>.</summary>
internal sealed class UvOutput(bool quiet)
{
    public TextWriter Stderr { get; } = quiet ? TextWriter.Null : Console.Error;

    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalSeconds >= 1
            ? elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s"
            : ((int)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    public static string Packages(int count) => count == 1 ? "1 package" : $"{count} packages";

    /// <summary>clap's error for an option a subcommand does not have.</summary>
    public static UvError UnexpectedArgument(string argument) =>
        new($"unexpected argument '{argument}' found");
}
