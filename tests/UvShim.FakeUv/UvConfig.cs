using Tomlyn;
using Tomlyn.Model;

namespace UvShim.FakeUv;

/// <summary>The <c>[pip]</c> settings the fake honours (uv-settings' <c>PipOptions</c>: python, system, break-system-packages, target, prefix).</summary>
internal sealed record PipConfig(bool? System, string? Python, string? Target, string? Prefix, bool? BreakSystemPackages)
{
    public static readonly PipConfig Empty = new(null, null, null, null, null);

    /// <summary>uv's <c>combine</c>: each field from the first source that sets it.</summary>
    public PipConfig Or(PipConfig other) =>
        new(System ?? other.System, Python ?? other.Python, Target ?? other.Target, Prefix ?? other.Prefix,
            BreakSystemPackages ?? other.BreakSystemPackages);
}

/// <summary>
/// uv's configuration discovery, as far as the pip settings go:
/// <c>--config-file</c>/<c>UV_CONFIG_FILE</c> alone; else nothing under <c>--no-config</c>/<c>UV_NO_CONFIG</c>;
/// else the nearest <c>uv.toml</c> (<c>[pip]</c>) or <c>pyproject.toml</c> with a <c>[tool.uv]</c> table
/// (<c>[tool.uv.pip]</c>) from the project directory upwards, then the user file
/// (<c>$XDG_CONFIG_HOME/uv/uv.toml</c>, default <c>~/.config/uv/uv.toml</c>), then the system file
/// (<c>$XDG_CONFIG_DIRS/uv/uv.toml</c>, default <c>/etc/xdg/uv/uv.toml</c>, then <c>/etc/uv/uv.toml</c>).
/// A <c>uv.toml</c> that does not parse is an error (<c>Failed to parse: `uv.toml`</c>); a <c>pyproject.toml</c>
/// that does not parse is a warning and discovery goes on.
/// </summary>
internal static class UvConfig
{
    public static PipConfig Load(UvCommandLine line)
    {
        var configFile = line.Value("config-file") ?? NonEmpty(Environment.GetEnvironmentVariable("UV_CONFIG_FILE"));
        if (configFile is not null)
        {
            return ReadUvToml(Path.GetFullPath(configFile), mustExist: true) ?? PipConfig.Empty;
        }
        if (line.Has("no-config") || Boolish.Env("UV_NO_CONFIG"))
        {
            return PipConfig.Empty;
        }
        var projectDirectory = line.Value("project") is { } project ? Path.GetFullPath(project) : Directory.GetCurrentDirectory();
        var found = FindInAncestors(projectDirectory) ?? PipConfig.Empty;
        return found.Or(User() ?? PipConfig.Empty).Or(SystemWide() ?? PipConfig.Empty);
    }

    private static PipConfig? FindInAncestors(string start)
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (ReadUvToml(Path.Combine(directory, "uv.toml"), mustExist: false) is { } fromUvToml)
            {
                return fromUvToml;
            }
            var pyproject = Path.Combine(directory, "pyproject.toml");
            if (!File.Exists(pyproject))
            {
                continue;
            }
            try
            {
                var document = Toml.Parse(File.ReadAllText(pyproject));
                if (Toml.Table(document, "tool", "uv") is { } uv)
                {
                    return FromPipTable(Toml.Table(uv, "pip"));
                }
            }
            catch (Exception e) when (e is TomlException or InvalidDataException)
            {
                Console.Error.WriteLine(
                    $"warning: Failed to parse `{UvPaths.UserDisplay(pyproject)}` during settings discovery:\n  {e.Message.Replace("\n", "\n  ")}");
            }
        }
        return null;
    }

    private static PipConfig? User()
    {
        var configHome = NonEmpty(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME"))
            ?? (NonEmpty(Environment.GetEnvironmentVariable("HOME")) is { } home ? Path.Combine(home, ".config") : null);
        return configHome is null ? null : ReadUvToml(Path.Combine(configHome, "uv", "uv.toml"), mustExist: false);
    }

    private static PipConfig? SystemWide()
    {
        if (Boolish.Env("UV_NO_SYSTEM_CONFIG"))
        {
            return null;
        }
        var directories = (NonEmpty(Environment.GetEnvironmentVariable("XDG_CONFIG_DIRS")) ?? "/etc/xdg")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/etc");
        foreach (var directory in directories)
        {
            var file = Path.Combine(directory, "uv", "uv.toml");
            if (File.Exists(file))
            {
                return ReadUvToml(file, mustExist: true);
            }
        }
        return null;
    }

    private static PipConfig? ReadUvToml(string path, bool mustExist)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (!mustExist && e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UvError($"failed to read from file `{UvPaths.UserDisplay(path)}`", [e.Message]);
        }
        try
        {
            return FromPipTable(Toml.Table(Toml.Parse(text), "pip"));
        }
        catch (Exception e) when (e is TomlException or InvalidDataException)
        {
            throw new UvError($"Failed to parse: `{UvPaths.UserDisplay(path)}`", [e.Message]);
        }
    }

    private static PipConfig FromPipTable(TomlTable? pip) =>
        pip is null
            ? PipConfig.Empty
            : new PipConfig(
                Toml.Bool(pip, "system"),
                Toml.String(pip, "python"),
                Toml.String(pip, "target"),
                Toml.String(pip, "prefix"),
                Toml.Bool(pip, "break-system-packages"));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
