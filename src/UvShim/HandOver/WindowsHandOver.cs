using System.Diagnostics;

namespace UvShim.HandOver;

/// <summary>
/// Windows has no exec: run uv as a child sharing the console and handles, leave Ctrl+C to it,
/// and return its exit code (the pattern of the .NET SDK's ProcessReaper).
/// </summary>
internal static class WindowsHandOver
{
    public static int Run(string path, IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> markers)
    {
        var startInfo = new ProcessStartInfo(path) { UseShellExecute = false };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in markers)
            startInfo.Environment[name] = value;

        // The child gets Ctrl+C from the shared console; uvshim just waits for its exit code.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var process = Process.Start(startInfo)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
