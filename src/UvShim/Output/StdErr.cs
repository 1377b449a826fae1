namespace UvShim.Output;

/// <summary>uvshim's messages, on descriptor 2 (see <see cref="Descriptor"/>).</summary>
internal static class StdErr
{
    public const string Prefix = "uvshim: ";

    /// <summary>Writes <paramref name="message"/> with the <c>uvshim: </c> prefix on its first line.</summary>
    public static void Line(string message) => Write(Prefix + message + "\n");

    public static void Write(string text) => Descriptor.Write(2, text);
}
