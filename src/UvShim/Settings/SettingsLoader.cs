using Microsoft.Extensions.Configuration;
using Serilog.Events;
using UvShim.Decision;

namespace UvShim.Settings;

/// <summary>Resolved settings, checked: what the rest of uvshim reads.</summary>
internal sealed record EffectiveSettings(
    ShimMode Mode,
    string? UvPath,
    LogEventLevel LogLevel,
    string? LogFile,
    TimeSpan ProbeTimeout,
    IReadOnlyList<string> FilesRead);

internal sealed class SettingsException(string message) : Exception(message);

/// <summary>
/// README, "Configuration": defaults &lt; <c>/etc/uvshim/config.json</c> &lt; <c>$XDG_CONFIG_HOME/uvshim/config.json</c>
/// (default <c>~/.config</c>) &lt; the <c>UVSHIM_*</c> variables of <see cref="SettingDefinitions"/>.
/// </summary>
internal static class SettingsLoader
{
    public static IReadOnlyList<string> Files(IReadOnlyDictionary<string, string> env)
    {
        var files = new List<string>();
        if (OperatingSystem.IsWindows())
        {
            if (env.TryGetValue("ProgramData", out var programData) && programData.Length > 0)
                files.Add(Path.Combine(programData, "uvshim", "config.json"));
            if (env.TryGetValue("APPDATA", out var appData) && appData.Length > 0)
                files.Add(Path.Combine(appData, "uvshim", "config.json"));
            return files;
        }

        files.Add("/etc/uvshim/config.json");
        // The XDG spec says a relative XDG_CONFIG_HOME is to be ignored.
        if (env.TryGetValue("XDG_CONFIG_HOME", out var xdg) && Path.IsPathRooted(xdg))
            files.Add(Path.Combine(xdg, "uvshim", "config.json"));
        else if (env.TryGetValue("HOME", out var home) && Path.IsPathRooted(home))
            files.Add(Path.Combine(home, ".config", "uvshim", "config.json"));
        return files;
    }

    public static EffectiveSettings Load(IReadOnlyDictionary<string, string> env)
    {
        var builder = new ConfigurationBuilder();
        var read = new List<string>();
        foreach (var file in Files(env))
        {
            if (!File.Exists(file))
                continue;
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
            read.Add(file);
        }

        var overrides = new Dictionary<string, string?>();
        foreach (var setting in SettingDefinitions.All)
        {
            if (env.TryGetValue(setting.EnvironmentVariable, out var value) && value.Length > 0)
                overrides[setting.Key] = value;
        }
        // Nothing to read or override (the usual case): the defaults, without building a configuration.
        var settings = read.Count == 0 && overrides.Count == 0 ? new ShimSettings() : Bind(builder.AddInMemoryCollection(overrides), read);

        return new EffectiveSettings(
            ParseMode(settings.Mode),
            string.IsNullOrEmpty(settings.Uv.Path) ? null : settings.Uv.Path,
            ParseLevel(settings.Log.Level),
            string.IsNullOrEmpty(settings.Log.File) ? null : settings.Log.File,
            settings.Probe.TimeoutSeconds > 0
                ? TimeSpan.FromSeconds(settings.Probe.TimeoutSeconds)
                : throw new SettingsException($"{SettingDefinitions.ProbeTimeout.Key} must be a positive number of seconds"),
            read);
    }

    private static ShimSettings Bind(IConfigurationBuilder builder, IReadOnlyList<string> read)
    {
        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            throw new SettingsException($"cannot read configuration: {e.Message.TrimEnd('.')}: {detail}");
        }

        try
        {
            return root.Get<ShimSettings>() ?? new ShimSettings();
        }
        catch (InvalidOperationException e)
        {
            throw new SettingsException($"invalid configuration ({string.Join(", ", read)}): {e.Message}");
        }
    }

    private static ShimMode ParseMode(string value) =>
        value.Trim().ToLowerInvariant() switch
        {
            "auto" => ShimMode.Auto,
            "always" => ShimMode.Always,
            "off" => ShimMode.Off,
            _ => throw new SettingsException($"{SettingDefinitions.Mode.Key} is '{value}'; it must be auto, always or off ({SettingDefinitions.Mode.EnvironmentVariable} or a config file)"),
        };

    private static LogEventLevel ParseLevel(string value) =>
        value.Trim().ToLowerInvariant() switch
        {
            "verbose" or "trace" => LogEventLevel.Verbose,
            "debug" => LogEventLevel.Debug,
            "information" or "info" => LogEventLevel.Information,
            "warning" or "warn" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "fatal" => LogEventLevel.Fatal,
            _ => throw new SettingsException($"{SettingDefinitions.LogLevel.Key} is '{value}'; it must be debug, information, warning or error"),
        };
}
