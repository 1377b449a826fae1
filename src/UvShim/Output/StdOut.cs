namespace UvShim.Output;

/// <summary>Standard output of uvshim's own commands (see <see cref="Descriptor"/>).</summary>
internal static class StdOut
{
    public static void Write(string text) => Descriptor.Write(1, text);
}
