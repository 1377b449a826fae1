namespace UvShim.Settings;

/// <summary>One of uvshim's own settings: its configuration key, its environment variable, its default.</summary>
internal sealed record SettingDefinition(string Key, string EnvironmentVariable, string Default, string Meaning);

/// <summary>The one list of uvshim's settings; loading, <c>shim help</c> and the README table follow it.</summary>
internal static class SettingDefinitions
{
    public static readonly SettingDefinition Mode = new("Mode", "UVSHIM_MODE", "auto",
        "auto: user site when site-packages is not writable (pip's rule); always: user site for every system interpreter; off: hand over untouched but for pip's own options (--user still works)");

    public static readonly SettingDefinition UvPath = new("Uv:Path", "UVSHIM_UV", "",
        "the real uv; empty: the first uv on PATH that is not uvshim");

    public static readonly SettingDefinition LogLevel = new("Log:Level", "UVSHIM_LOG_LEVEL", "warning",
        "debug, information, warning or error; debug shows each step of the decision");

    public static readonly SettingDefinition LogFile = new("Log:File", "UVSHIM_LOG_FILE", "",
        "also append log events to this file");

    public static readonly SettingDefinition ProbeTimeout = new("Probe:TimeoutSeconds", "UVSHIM_PROBE_TIMEOUT", "10",
        "how long the interpreter probe may take");

    public static IReadOnlyList<SettingDefinition> All { get; } = [Mode, UvPath, LogLevel, LogFile, ProbeTimeout];
}
