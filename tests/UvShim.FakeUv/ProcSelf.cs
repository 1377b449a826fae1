using System.Globalization;

namespace UvShim.FakeUv;

/// <summary>Raw views of this process from /proc/self: bytes exactly as the kernel holds them.</summary>
internal static class ProcSelf
{
    /// <summary>argv as raw bytes, without the entries the host put in front of the user arguments
    /// (the apphost path, or <c>dotnet</c> and the dll). Falls back to UTF-8 of <paramref name="args"/>.</summary>
    public static (IReadOnlyList<byte[]> Args, string Source) UserArguments(string[] args)
    {
        var all = ReadNulSeparated("/proc/self/cmdline");
        if (all is null || all.Count < args.Length)
        {
            return (args.Select(a => System.Text.Encoding.UTF8.GetBytes(a)).ToList(), "args");
        }
        return (all.Skip(all.Count - args.Length).ToList(), "/proc/self/cmdline");
    }

    /// <summary>The environment this process was started with, as raw <c>NAME=value</c> entries.</summary>
    public static IReadOnlyList<byte[]> Environment()
    {
        var entries = ReadNulSeparated("/proc/self/environ");
        if (entries is not null)
        {
            return entries;
        }
        return System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => System.Text.Encoding.UTF8.GetBytes($"{e.Key}={e.Value}"))
            .ToList();
    }

    /// <summary>The <c>SigIgn</c> mask of /proc/self/status (bit N-1 set: signal N ignored).</summary>
    public static ulong? IgnoredSignalMask()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                {
                    return ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException) { }
        return null;
    }

    public static bool IsIgnored(ulong mask, int signal) => ((mask >> (signal - 1)) & 1) == 1;

    /// <summary>Splits a NUL-terminated list; an empty entry (an empty argument) is kept.</summary>
    private static List<byte[]>? ReadNulSeparated(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var result = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == 0)
            {
                result.Add(data[start..i]);
                start = i + 1;
            }
        }
        if (start < data.Length)
        {
            result.Add(data[start..]);
        }
        return result;
    }
}
