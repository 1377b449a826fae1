using System.Text;

namespace UvShim.HandOver;

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
            if (Encoding.UTF8.GetString(tail[i]) != args[i])
                return null;
        }
        return tail;
    }
}
