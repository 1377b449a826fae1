using System.Runtime.InteropServices;
using System.Text;

namespace UvShim.FakeUv;

/// <summary>Replaces this process with a real uv (<c>UVSHIM_TEST_UV</c>): same PID, argv and environment bytes.</summary>
internal static unsafe class RealUvHandover
{
    public static int Exec(string realUv, InvocationRecord record)
    {
        var path = Encoding.UTF8.GetBytes(realUv);
        var argv = new List<byte[]> { path };
        argv.AddRange(record.Arguments);

        // The .NET runtime ignores SIGPIPE, and an ignored signal survives exec; uv expects the default.
        Native.Signal(Native.SIGPIPE, 0);
        Console.Out.Flush();
        Console.Error.Flush();

        var nativePath = Native.AllocCString(path);
        var nativeArgv = Native.AllocStringArray(argv);
        var nativeEnv = Native.AllocStringArray(record.Environment);
        Native.ExecVe(nativePath, nativeArgv, nativeEnv);

        var errno = Marshal.GetLastPInvokeError();
        Console.Error.WriteLine($"fake-uv: cannot execute UVSHIM_TEST_UV={realUv}: {Marshal.GetPInvokeErrorMessage(errno)} (os error {errno})");
        return 127;
    }
}
