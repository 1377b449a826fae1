using System.Globalization;
using System.Text;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// What <see cref="NativeTools.NativeUv"/> recorded: a header line <c>pid=… sigign=… tty=…</c>, then each
/// argument after argv[0] followed by a NUL byte.
/// </summary>
public sealed record NativeUvRecord(int ProcessId, string SigIgn, bool StdinIsTerminal, bool StdoutIsTerminal, bool StderrIsTerminal, IReadOnlyList<byte[]> Arguments)
{
    /// <summary>No signal at all was ignored when uv started (so SIGPIPE, SIGINT and SIGTERM are at their defaults).</summary>
    public bool NoSignalIgnored => SigIgn.Length > 0 && SigIgn.All(c => c == '0');

    /// <summary>SIGPIPE (13) is ignored in the mask.</summary>
    public bool SigpipeIgnored => (ulong.Parse(SigIgn, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 12)) != 0;

    public static NativeUvRecord? TryRead(string path) => File.Exists(path) ? Parse(File.ReadAllBytes(path)) : null;

    public static NativeUvRecord Parse(byte[] content)
    {
        var newline = Array.IndexOf(content, (byte)'\n');
        if (newline < 0)
        {
            throw new FormatException("native-uv record without a header line");
        }
        var fields = Encoding.ASCII.GetString(content, 0, newline).Split(' ')
            .Select(f => f.Split('=', 2))
            .ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : "", StringComparer.Ordinal);
        var arguments = new List<byte[]>();
        var start = newline + 1;
        for (var i = start; i < content.Length; i++)
        {
            if (content[i] == 0)
            {
                arguments.Add(content[start..i]);
                start = i + 1;
            }
        }
        var tty = fields["tty"];
        return new NativeUvRecord(
            int.Parse(fields["pid"], CultureInfo.InvariantCulture),
            fields["sigign"],
            tty.Length > 0 && tty[0] == '1',
            tty.Length > 1 && tty[1] == '1',
            tty.Length > 2 && tty[2] == '1',
            arguments);
    }
}
