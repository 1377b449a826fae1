namespace UvShim.FakeUv;

/// <summary>What one run of the fake saw: everything a test needs to prove how it was started.</summary>
internal sealed record InvocationRecord(
    int ProcessId,
    uint Uid,
    uint Euid,
    uint Gid,
    uint Egid,
    string WorkingDirectory,
    string? Executable,
    string ArgumentsSource,
    IReadOnlyList<byte[]> Arguments,
    IReadOnlyList<byte[]> Environment,
    bool StdinIsTerminal,
    bool StdoutIsTerminal,
    bool StderrIsTerminal,
    ulong? IgnoredSignalMask,
    ulong? IgnoredSignalMaskAtExec)
{
    public static InvocationRecord Capture(string[] args, string? recordDirectory)
    {
        var (arguments, source) = ProcSelf.UserArguments(args);
        string? executable = null;
        try
        {
            executable = new FileInfo("/proc/self/exe").LinkTarget;
        }
        catch (IOException) { }

        return new InvocationRecord(
            System.Environment.ProcessId,
            Native.GetUid(),
            Native.GetEuid(),
            Native.GetGid(),
            Native.GetEgid(),
            System.Environment.CurrentDirectory,
            executable,
            source,
            arguments,
            ProcSelf.Environment(),
            Native.IsTerminal(0),
            Native.IsTerminal(1),
            Native.IsTerminal(2),
            ProcSelf.IgnoredSignalMask(),
            string.IsNullOrEmpty(recordDirectory) ? null : SignalsAtExec.TakeIgnoredMask(recordDirectory, System.Environment.ProcessId));
    }
}
