using System.Runtime.InteropServices;

// execv(argv[1], argv[1..]): the environment and descriptors pass through as they are.
unsafe
{
    var argv = stackalloc byte*[args.Length + 1];
    for (var i = 0; i < args.Length; i++)
        argv[i] = (byte*)Marshal.StringToCoTaskMemUTF8(args[i]);
    argv[args.Length] = null;
    Native.execv(argv[0], argv);
    return 127;
}

internal static unsafe partial class Native
{
    [LibraryImport("libc", SetLastError = true)]
    internal static partial int execv(byte* path, byte** argv);
}
