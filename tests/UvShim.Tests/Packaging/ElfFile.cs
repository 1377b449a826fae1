namespace UvShim.Tests.Packaging;

/// <summary>The two facts of a 64-bit little-endian ELF file the packaging tests check: its machine and the program
/// interpreter it asks for (PT_INTERP), read from the header and program headers.</summary>
public static class ElfFile
{
    public const int MachineX64 = 62;
    public const int MachineArm64 = 183;
    private const uint ProgramInterpreter = 3;

    public static int Machine(string path) => BitConverter.ToUInt16(Header(path), 18);

    /// <summary>PT_INTERP's path, or null for a file without one (a static executable, a library).</summary>
    public static string? Interpreter(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Header(path);
        var tableOffset = (long)BitConverter.ToUInt64(bytes, 32);
        var entrySize = BitConverter.ToUInt16(bytes, 54);
        var count = BitConverter.ToUInt16(bytes, 56);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)(tableOffset + i * entrySize);
            if (BitConverter.ToUInt32(bytes, entry) != ProgramInterpreter)
                continue;
            var offset = (int)BitConverter.ToUInt64(bytes, entry + 8);
            var size = (int)BitConverter.ToUInt64(bytes, entry + 32);
            return System.Text.Encoding.ASCII.GetString(bytes, offset, size).TrimEnd('\0');
        }
        return null;
    }

    private static byte[] Header(string path)
    {
        var header = new byte[64];
        using (var file = File.OpenRead(path))
            file.ReadExactly(header);
        Assert.True("\u007fELF"u8.SequenceEqual(header.AsSpan(0, 4)), $"{path} is not an ELF file");
        Assert.True(header[4] == 2 && header[5] == 1, $"{path} is not a 64-bit little-endian ELF file");
        return header;
    }
}
