using System.Globalization;

namespace UvShim.FakeUv;

/// <summary>
/// The .NET runtime sets SIGPIPE to ignored while it starts, so the fake's own <c>SigIgn</c> cannot show what it
/// was exec'd with. A non-.NET front (the tests' signal probe) reads <c>SigIgn</c> before the runtime starts, writes
/// it as hex to <c>$FAKE_UV_RECORD_DIR/.sigign-&lt;pid&gt;</c> and execs the fake (same PID); the fake picks it up here.
/// </summary>
internal static class SignalsAtExec
{
    public static ulong? TakeIgnoredMask(string recordDirectory, int processId)
    {
        var path = Path.Combine(recordDirectory, $".sigign-{processId}");
        try
        {
            var text = File.ReadAllText(path).Trim();
            File.Delete(path);
            return ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
