using System.Text;
using Microsoft.Win32.SafeHandles;

namespace UvShim.Output;

/// <summary>Standard output for uvshim's own commands; like <see cref="StdErr"/>, without Console.</summary>
internal static class StdOut
{
    private static readonly Lazy<Stream> Stream = new(() =>
        OperatingSystem.IsWindows()
            ? Console.OpenStandardOutput()
            : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0));

    public static void Write(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Stream.Value.Write(bytes);
        Stream.Value.Flush();
    }
}
