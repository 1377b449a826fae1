using System.Runtime.InteropServices;
using System.Text;
using UvShim.Arguments;
using UvShim.Output;

namespace UvShim.HandOver;

/// <summary>Hands the (possibly rewritten) command line to the real uv: exec on Unix, a child on Windows.</summary>
internal static class UvProcess
{
    public static int HandOver(string uvPath, IReadOnlyList<ArgumentSlot> slots, byte[][] rawArguments, IReadOnlyList<string> arguments,
        IEnumerable<KeyValuePair<string, string>> markers)
    {
        ShimLog.Flush();
        if (OperatingSystem.IsWindows())
            return WindowsHandOver.Run(uvPath, slots.Select(s => s.OriginalIndex >= 0 ? arguments[s.OriginalIndex] : s.Text).ToList(), markers);

        var argv = Argv(uvPath, slots, rawArguments);
        var errno = UnixExec.Exec(argv[0], argv, Environment(markers));
        StdErr.Line($"cannot run {uvPath}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        return 2;
    }

    /// <summary>uv's path, then each slot: an original token as the bytes the caller passed, a new one as UTF-8.</summary>
    public static List<byte[]> Argv(string uvPath, IReadOnlyList<ArgumentSlot> slots, byte[][] rawArguments)
    {
        var argv = new List<byte[]>(slots.Count + 1) { Encoding.UTF8.GetBytes(uvPath) };
        foreach (var slot in slots)
            argv.Add(slot.OriginalIndex >= 0 ? rawArguments[slot.OriginalIndex] : Encoding.UTF8.GetBytes(slot.Text));
        return argv;
    }

    /// <summary>The environment uvshim was started with, byte for byte, with the hand-over markers set.</summary>
    public static List<byte[]> Environment(IEnumerable<KeyValuePair<string, string>> markers)
    {
        var environment = NativeEnvironment.Read();
        foreach (var (name, value) in markers)
        {
            var prefix = Encoding.UTF8.GetBytes(name + "=");
            environment.RemoveAll(entry => entry.AsSpan().StartsWith(prefix));
            environment.Add(Encoding.UTF8.GetBytes(name + "=" + value));
        }
        return environment;
    }
}
