namespace UvShim.Tests.Infrastructure;

/// <summary>Octal modes, spelled out once.</summary>
public static class UnixFileModes
{
    public const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>0755</summary>
    public const UnixFileMode Public = (UnixFileMode)0b111_101_101;

    /// <summary>0644</summary>
    public const UnixFileMode PublicFile = (UnixFileMode)0b110_100_100;

    /// <summary>0700</summary>
    public const UnixFileMode Private = (UnixFileMode)0b111_000_000;
}
