using System.Security.Cryptography;
using System.Text;

namespace UvShim.FakeUv;

/// <summary>A wheel RECORD: <c>path,sha256=&lt;urlsafe base64, unpadded&gt;,size</c>, paths relative to the site directory.</summary>
internal sealed class RecordFile
{
    private readonly List<string> _lines = [];

    public void Add(string relativePath, byte[] content) =>
        _lines.Add($"{Quote(relativePath)},sha256={Hash(content)},{content.Length}");

    public void AddUnhashed(string relativePath) => _lines.Add($"{Quote(relativePath)},,");

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(string.Concat(_lines.Select(l => l + "\n")));

    public static string Hash(byte[] content) =>
        Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The paths listed in a RECORD (first CSV column).</summary>
    public static IEnumerable<string> ReadPaths(string recordPath)
    {
        foreach (var line in File.ReadLines(recordPath))
        {
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '"')
            {
                var end = line.IndexOf("\",", 1, StringComparison.Ordinal);
                yield return line[1..(end < 0 ? line.Length : end)].Replace("\"\"", "\"");
            }
            else
            {
                var comma = line.IndexOf(',');
                yield return comma < 0 ? line : line[..comma];
            }
        }
    }

    private static string Quote(string path) =>
        path.Contains(',') || path.Contains('"') ? "\"" + path.Replace("\"", "\"\"") + "\"" : path;
}
