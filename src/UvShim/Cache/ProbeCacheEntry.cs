using System.Text;

namespace UvShim.Cache;

/// <summary>
/// One cached probe on disk: a header line, the key it was made for, a NUL, and the probe's raw
/// output. Plain bytes rather than JSON: the key holds no NUL (paths and environment values cannot),
/// and a serializer costs more at start-up than the rest of a warm run's reading.
/// </summary>
internal static class ProbeCacheEntry
{
    private const string Header = "uvshim probe cache 1\n";

    public static byte[] Encode(string key, string output) =>
        Encoding.UTF8.GetBytes(Header + key + "\0" + output);

    /// <summary>The output when the bytes are an entry made for <paramref name="key"/>; otherwise null.</summary>
    public static string? OutputFor(ReadOnlySpan<byte> bytes, string key)
    {
        var expected = Encoding.UTF8.GetBytes(Header + key + "\0");
        if (!bytes.StartsWith(expected))
            return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[expected.Length..]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
