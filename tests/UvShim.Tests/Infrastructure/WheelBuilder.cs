using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// Builds a valid pure-Python wheel (<c>py3-none-any</c>): a package whose <c>__init__.py</c> defines
/// <c>GREETING</c> and <c>main()</c>, METADATA, WHEEL, entry_points.txt with one console script, and a RECORD
/// with sha256 hashes. Files are world-readable so the unprivileged test user can install them.
/// <paramref name="requires"/> become <c>Requires-Dist</c> lines of METADATA (what <c>pip show</c> reports as Requires).
/// <paramref name="consoleScripts"/> (none when empty) and <paramref name="guiScripts"/> replace the one console script.
/// </summary>
public static partial class WheelBuilder
{
    private const int RegularFileType = 0x8000; // S_IFREG

    private static readonly DateTimeOffset Timestamp = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static BuiltWheel Build(string directory, string name, string version, string? scriptName = null, IReadOnlyList<string>? requires = null,
        IReadOnlyList<string>? consoleScripts = null, IReadOnlyList<string>? guiScripts = null)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"`{name}` is not a simple distribution name", nameof(name));
        }
        var importName = SeparatorRun().Replace(name, "_").ToLowerInvariant();
        scriptName ??= consoleScripts is null ? SeparatorRun().Replace(name, "-").ToLowerInvariant() + "-cli" : consoleScripts.FirstOrDefault() ?? "";
        var entryPoints = "[console_scripts]\n" + string.Concat((consoleScripts ?? [scriptName]).Select(s => $"{s} = {importName}:main\n"))
            + (guiScripts is null ? "" : "\n[gui_scripts]\n" + string.Concat(guiScripts.Select(s => $"{s} = {importName}:main\n")));
        var greeting = $"hello from {name} {version}";
        var distInfo = $"{importName}-{version}.dist-info";

        var files = new List<(string Path, string Content)>
        {
            ($"{importName}/__init__.py",
                $"GREETING = {PythonString(greeting)}\n\n\ndef main():\n    print(GREETING)\n    return 0\n"),
            ($"{distInfo}/METADATA",
                $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: Test wheel built by the uvshim tests\n"
                + string.Concat((requires ?? []).Select(r => $"Requires-Dist: {r}\n"))),
            ($"{distInfo}/WHEEL",
                "Wheel-Version: 1.0\nGenerator: uvshim-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
            ($"{distInfo}/entry_points.txt", entryPoints),
        };

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{importName}-{version}-py3-none-any.whl");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var record = new StringBuilder();
            foreach (var (entryPath, content) in files)
            {
                var bytes = Encoding.UTF8.GetBytes(content);
                Add(zip, entryPath, bytes);
                record.Append(FormattableString.Invariant($"{entryPath},sha256={Hash(bytes)},{bytes.Length}\n"));
            }
            record.Append($"{distInfo}/RECORD,,\n");
            Add(zip, $"{distInfo}/RECORD", Encoding.UTF8.GetBytes(record.ToString()));
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileModes.PublicFile);
        }
        return new BuiltWheel(path, name, version, importName, scriptName, greeting);
    }

    /// <summary>sha256, urlsafe base64 without padding (the RECORD format).</summary>
    public static string Hash(byte[] content) =>
        Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = Timestamp;
        entry.ExternalAttributes = ((int)UnixFileModes.PublicFile | RegularFileType) << 16;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string PythonString(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex ValidName();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex SeparatorRun();
}
