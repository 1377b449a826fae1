using System.IO.Compression;
using System.Text;

namespace UvShim.FakeUv;

/// <summary>
/// Unpacks a wheel as uv does: files to purelib (platlib when <c>Root-Is-Purelib: false</c>),
/// <c>*.data/&lt;key&gt;/</c> to the matching scheme directory, console/GUI scripts generated with a
/// <c>#!&lt;interpreter&gt;</c> shebang, then uv's installer metadata (<c>REQUESTED</c>, <c>direct_url.json</c> for a
/// wheel from a local path or URL, <c>INSTALLER</c>) and a RECORD relative to the site directory.
/// <c>INSTALLER</c> is <c>uv</c> without a newline, as uv writes it.
/// </summary>
internal static class WheelInstaller
{
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Regular = (UnixFileMode)0b110_100_100;

    public static void Install(WheelFileName wheel, InstallScheme scheme, string interpreter, string? directUrl = null)
    {
        try
        {
            using var zip = ZipFile.OpenRead(wheel.Path);
            Unpack(zip, wheel, scheme, interpreter, directUrl);
        }
        catch (FileSystemError e)
        {
            throw new UvError($"Failed to install: {wheel.FileName} ({wheel.Display})", [e.Message]);
        }
        catch (InvalidDataException e)
        {
            throw new UvError($"Failed to install: {wheel.FileName} ({wheel.Display})", [e.Message]);
        }
    }

    private static void Unpack(ZipArchive zip, WheelFileName wheel, InstallScheme scheme, string interpreter, string? directUrl)
    {
        var distInfo = zip.Entries
            .Select(e => e.FullName.Split('/')[0])
            .FirstOrDefault(first => first.EndsWith(".dist-info", StringComparison.Ordinal))
            ?? throw new InvalidDataException("the wheel has no .dist-info directory");
        var root = IsRootPurelib(zip, distInfo) ? scheme.Purelib : scheme.Platlib;
        var record = new RecordFile();

        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }
            var parts = entry.FullName.Split('/');
            if (parts.Any(p => p is ".." or "") || Path.IsPathRooted(entry.FullName))
            {
                throw new InvalidDataException($"unsafe path in wheel: `{entry.FullName}`");
            }
            if (parts.Length == 2 && parts[0] == distInfo && parts[1] is "RECORD" or "RECORD.jws" or "RECORD.p7s" or "INSTALLER")
            {
                continue;
            }

            var content = ReadAll(entry);
            string destination;
            UnixFileMode mode;
            if (parts.Length >= 3 && parts[0].EndsWith(".data", StringComparison.Ordinal))
            {
                var key = parts[1];
                var directory = key == "headers" ? Path.Combine(scheme.Headers, wheel.Name) : scheme.DirectoryFor(key);
                destination = Path.Combine(directory, string.Join('/', parts[2..]));
                mode = key == "scripts" || IsExecutable(entry) ? Executable : Regular;
                if (key == "scripts")
                {
                    content = RewriteShebang(content, interpreter);
                }
            }
            else
            {
                destination = Path.Combine(root, entry.FullName);
                mode = IsExecutable(entry) ? Executable : Regular;
            }
            Write(destination, content, mode);
            record.Add(Path.GetRelativePath(root, destination), content);
        }

        var entryPoints = zip.GetEntry(distInfo + "/entry_points.txt");
        if (entryPoints is not null)
        {
            foreach (var script in ScriptEntryPoint.Parse(Encoding.UTF8.GetString(ReadAll(entryPoints))))
            {
                var destination = Path.Combine(scheme.Scripts, script.Name);
                var content = Encoding.UTF8.GetBytes(script.Launcher(interpreter));
                Write(destination, content, Executable);
                record.Add(Path.GetRelativePath(root, destination), content);
            }
        }

        var requested = Array.Empty<byte>();
        Write(Path.Combine(root, distInfo, "REQUESTED"), requested, Regular);
        record.Add(distInfo + "/REQUESTED", requested);
        if (directUrl is not null)
        {
            var json = DirectUrl.ForArchive(directUrl);
            Write(Path.Combine(root, distInfo, DirectUrl.FileName), json, Regular);
            record.Add(distInfo + "/" + DirectUrl.FileName, json);
        }
        var installer = Encoding.UTF8.GetBytes("uv");
        Write(Path.Combine(root, distInfo, "INSTALLER"), installer, Regular);
        record.Add(distInfo + "/INSTALLER", installer);
        record.AddUnhashed(distInfo + "/RECORD");
        Write(Path.Combine(root, distInfo, "RECORD"), record.ToBytes(), Regular);
    }

    private static bool IsRootPurelib(ZipArchive zip, string distInfo)
    {
        var wheelFile = zip.GetEntry(distInfo + "/WHEEL") ?? throw new InvalidDataException("the wheel has no WHEEL file");
        foreach (var line in Encoding.UTF8.GetString(ReadAll(wheelFile)).Split('\n'))
        {
            var separator = line.IndexOf(':');
            if (separator > 0 && line[..separator].Trim().Equals("Root-Is-Purelib", StringComparison.OrdinalIgnoreCase))
            {
                return line[(separator + 1)..].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }
        return true;
    }

    private static byte[] RewriteShebang(byte[] content, string interpreter)
    {
        var text = Encoding.UTF8.GetString(content);
        if (!text.StartsWith("#!python", StringComparison.Ordinal))
        {
            return content;
        }
        var newline = text.IndexOf('\n');
        return Encoding.UTF8.GetBytes(ScriptEntryPoint.Shebang(interpreter) + (newline < 0 ? "\n" : text[newline..]));
    }

    private static bool IsExecutable(ZipArchiveEntry entry) => ((entry.ExternalAttributes >> 16) & 0b001_001_001) != 0;

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Write(string path, byte[] content, UnixFileMode mode)
    {
        FileSystem.CreateDirectories(Path.GetDirectoryName(path)!);
        FileSystem.WriteFile(path, content, mode);
    }
}
