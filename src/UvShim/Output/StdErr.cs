using System.Text;
using Microsoft.Win32.SafeHandles;

namespace UvShim.Output;

/// <summary>
/// uvshim's messages. Written straight to descriptor 2: .NET's Console writes terminal mode
/// bytes (keypad_xmit) the first time it touches a terminal, and uv must inherit a clean one.
/// </summary>
internal static class StdErr
{
    private static readonly Lazy<Stream> Stream = new(Open);
    public const string Prefix = "uvshim: ";

    /// <summary>Writes <paramref name="message"/> with the <c>uvshim: </c> prefix on its first line.</summary>
    public static void Line(string message) => Write(Prefix + message + "\n");

    public static void Write(string text)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Stream.Value.Write(bytes);
            Stream.Value.Flush();
        }
        catch (IOException)
        {
            // A closed stderr must not turn a hand-over into a failure.
        }
    }

    private static Stream Open() =>
        OperatingSystem.IsWindows()
            ? Console.OpenStandardError()
            : new FileStream(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, bufferSize: 0);
}
