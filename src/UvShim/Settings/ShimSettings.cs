namespace UvShim.Settings;

/// <summary>uvshim's configuration, bound by the configuration binder's source generator.</summary>
internal sealed class ShimSettings
{
    public string Mode { get; set; } = SettingDefinitions.Mode.Default;
    public UvSection Uv { get; set; } = new();
    public LogSection Log { get; set; } = new();
    public ProbeSection Probe { get; set; } = new();

    internal sealed class UvSection
    {
        public string? Path { get; set; }
    }

    internal sealed class LogSection
    {
        public string Level { get; set; } = SettingDefinitions.LogLevel.Default;
        public string? File { get; set; }
    }

    internal sealed class ProbeSection
    {
        public double TimeoutSeconds { get; set; } = 10;
    }
}
