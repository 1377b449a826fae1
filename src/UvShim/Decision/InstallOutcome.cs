namespace UvShim.Decision;

internal abstract record InstallOutcome(string Reason)
{
    /// <summary>Hand uv the command line as it came; <paramref name="Note"/>, when given, is printed first unless quiet.</summary>
    public sealed record HandOver(string Reason, string? Note = null) : InstallOutcome(Reason);

    /// <summary>Install into the user scheme; <paramref name="Note"/> is printed first unless quiet.</summary>
    public sealed record UserInstall(string Reason, string? Note) : InstallOutcome(Reason);

    /// <summary>Stop with this message and exit 2, running nothing.</summary>
    public sealed record Refuse(string Reason, string Message) : InstallOutcome(Reason);
}
