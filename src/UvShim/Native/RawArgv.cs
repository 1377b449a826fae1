using System.Text;

namespace UvShim.Native;

/// <summary>
/// The arguments as the bytes the caller passed. .NET decodes argv as UTF-8 and replaces what
/// does not decode, so an argument uvshim does not touch is taken from here to reach uv unchanged.
/// </summary>
internal static class RawArgv
{
    public static byte[][] Read(string[] args)
    {
        if (OperatingSystem.IsLinux() && FromProcCmdline(args) is { } raw)
            return raw;
        return args.Select(a => Encoding.UTF8.GetBytes(a)).ToArray();
    }

    private static byte[][]? FromProcCmdline(string[] args)
    {
        byte[] cmdline;
        try
        {
            cmdline = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var entries = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < cmdline.Length; i++)
        {
            if (cmdline[i] != 0)
                continue;
            entries.Add(cmdline[start..i]);
            start = i + 1;
        }

        // The host may add entries in front (dotnet uvshim.dll ...): the user's arguments are the last ones.
        if (entries.Count < args.Length)
            return null;
        var tail = entries.GetRange(entries.Count - args.Length, args.Length).ToArray();
        for (var i = 0; i < args.Length; i++)
        {
            if (!SameText(Encoding.UTF8.GetString(tail[i]), args[i]))
                return null;
        }
        return tail;
    }

    /// <summary>
    /// The runtime's own decoding of argv may replace an invalid UTF-8 sequence with another number of U+FFFD than
    /// <see cref="Encoding.UTF8"/> does (the framework-dependent host turns ED A0 80 into two, Encoding.UTF8 into
    /// three), so runs of replacement characters count as one.
    /// </summary>
    private static bool SameText(string decoded, string argument) =>
        decoded == argument || CollapseReplacements(decoded) == CollapseReplacements(argument);

    private static string CollapseReplacements(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != '\uFFFD' || result.Length == 0 || result[^1] != '\uFFFD')
                result.Append(c);
        }
        return result.ToString();
    }
}
