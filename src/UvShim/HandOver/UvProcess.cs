using System.Runtime.InteropServices;
using System.Text;
using UvShim.Arguments;
using UvShim.Output;

namespace UvShim.HandOver;

/// <summary>Hands the (possibly rewritten) command line to the real uv: exec on Unix, a child on Windows.</summary>
internal static class UvProcess
{
    /// <summary>Set in uv's environment to the PID that exec'd it: seeing our own PID there means we exec'd ourselves.</summary>
    public const string ExecMarker = "UVSHIM_EXEC_PID";

    public static int HandOver(string uvPath, IReadOnlyList<ArgumentSlot> slots, byte[][] rawArguments, IReadOnlyList<string> arguments)
    {
        ShimLog.Flush();
        if (OperatingSystem.IsWindows())
            return WindowsHandOver.Run(uvPath, slots.Select(s => s.OriginalIndex >= 0 ? arguments[s.OriginalIndex] : s.Text).ToList());

        var path = Encoding.UTF8.GetBytes(uvPath);
        var argv = new List<byte[]>(slots.Count + 1) { path };
        foreach (var slot in slots)
            argv.Add(slot.OriginalIndex >= 0 ? rawArguments[slot.OriginalIndex] : Encoding.UTF8.GetBytes(slot.Text));

        var environment = NativeEnvironment.Read();
        var marker = Encoding.UTF8.GetBytes(ExecMarker + "=");
        environment.RemoveAll(entry => entry.AsSpan().StartsWith(marker));
        environment.Add(Encoding.UTF8.GetBytes($"{ExecMarker}={Environment.ProcessId}"));

        var errno = UnixExec.Exec(path, argv, environment);
        StdErr.Line($"cannot run {uvPath}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        return 2;
    }
}
