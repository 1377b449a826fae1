using System.Globalization;

namespace UvShim.FakeUv;

/// <summary>uv's summary lines on stderr, silenced by <c>-q</c>.</summary>
internal sealed class UvOutput(bool quiet)
{
    public TextWriter Stderr { get; } = quiet ? TextWriter.Null : Console.Error;

    /// <summary>uv's <c>elapsed</c>: <c>1m 05s</c>, <c>1.23s</c>, <c>12ms</c>, <c>0.05ms</c>.</summary>
    public static string Elapsed(TimeSpan elapsed)
    {
        var seconds = (long)elapsed.TotalSeconds;
        var subsecondNanos = (elapsed.Ticks % TimeSpan.TicksPerSecond) * 100;
        var milliseconds = subsecondNanos / 1_000_000;
        return seconds >= 60
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m {seconds % 60:00}s")
            : seconds > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{seconds}.{subsecondNanos / 10_000_000:00}s")
                : milliseconds > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds}ms")
                    : string.Create(CultureInfo.InvariantCulture, $"0.{subsecondNanos / 10_000:00}ms");
    }

    public static string Packages(int count) => count == 1 ? "1 package" : $"{count} packages";
}
