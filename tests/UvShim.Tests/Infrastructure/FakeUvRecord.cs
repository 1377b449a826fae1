using System.Text;
using System.Text.Json;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// One run of the fake uv, read back from the JSON file it wrote into <c>FAKE_UV_RECORD_DIR</c>
/// (see tests/UvShim.FakeUv/RecordWriter.cs for the format). Byte strings come from their <c>base64</c> field.
/// </summary>
public sealed record FakeUvRecord(
    string FilePath,
    int ProcessId,
    uint Uid,
    uint Euid,
    uint Gid,
    uint Egid,
    string WorkingDirectory,
    string? Executable,
    string ArgumentsSource,
    IReadOnlyList<byte[]> ArgumentBytes,
    IReadOnlyList<byte[]> EnvironmentBytes,
    bool StdinIsTerminal,
    bool StdoutIsTerminal,
    bool StderrIsTerminal,
    bool? SigpipeIgnored,
    bool? SigpipeIgnoredAtExec)
{
    /// <summary>The arguments uv received (without argv[0]), decoded as UTF-8.</summary>
    public IReadOnlyList<string> Arguments => ArgumentBytes.Select(b => Encoding.UTF8.GetString(b)).ToList();

    /// <summary>The environment uv received, decoded as UTF-8 (<c>NAME=value</c>, split at the first <c>=</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        EnvironmentBytes
            .Select(b => Encoding.UTF8.GetString(b))
            .Select(entry => entry.IndexOf('=') is var i and >= 0 ? (entry[..i], entry[(i + 1)..]) : (entry, ""))
            .GroupBy(pair => pair.Item1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Item2, StringComparer.Ordinal);

    /// <summary>All records in a directory, in the order the runs wrote them.</summary>
    public static IReadOnlyList<FakeUvRecord> ReadAll(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList()
            : [];

    public static FakeUvRecord Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var isatty = root.GetProperty("isatty");
        return new FakeUvRecord(
            path,
            root.GetProperty("pid").GetInt32(),
            root.GetProperty("uid").GetUInt32(),
            root.GetProperty("euid").GetUInt32(),
            root.GetProperty("gid").GetUInt32(),
            root.GetProperty("egid").GetUInt32(),
            root.GetProperty("cwd").GetString()!,
            root.GetProperty("executable").GetString(),
            root.GetProperty("argvSource").GetString()!,
            ByteStrings(root.GetProperty("argv")),
            ByteStrings(root.GetProperty("environment")),
            isatty.GetProperty("stdin").GetBoolean(),
            isatty.GetProperty("stdout").GetBoolean(),
            isatty.GetProperty("stderr").GetBoolean(),
            OptionalBoolean(root, "sigpipeIgnored"),
            OptionalBoolean(root, "sigpipeIgnoredAtExec"));
    }

    private static List<byte[]> ByteStrings(JsonElement array) =>
        array.EnumerateArray().Select(item => item.GetProperty("base64").GetBytesFromBase64()).ToList();

    private static bool? OptionalBoolean(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
