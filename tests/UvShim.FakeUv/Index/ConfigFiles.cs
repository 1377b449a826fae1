using Tomlyn;
using Tomlyn.Model;

namespace UvShim.FakeUv.Index;

/// <summary>
/// uv's configuration files in the order their settings combine (crates/uv/src/lib.rs, uv-settings' <c>FilesystemOptions</c>):
/// <c>--config-file</c>/<c>UV_CONFIG_FILE</c> alone; nothing under <c>--no-config</c>/<c>UV_NO_CONFIG</c>; else the nearest
/// <c>uv.toml</c> or <c>pyproject.toml</c> with <c>[tool.uv]</c> from <paramref name="start"/> upwards, the user's
/// <c>uv.toml</c>, the system's. Each comes with the directory its relative paths are resolved against.
/// (The pip settings of <see cref="UvConfig"/> follow the same order.)
/// </summary>
internal static class ConfigFiles
{
    public static IReadOnlyList<(TomlTable Options, string Directory)> Discover(UvCommandLine line, string start)
    {
        var configFile = line.Value("config-file") ?? NonEmpty(Environment.GetEnvironmentVariable("UV_CONFIG_FILE"));
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            return [(ParseUvToml(path) ?? new TomlTable(), Path.GetDirectoryName(path)!)];
        }
        if (line.Has("no-config") || Boolish.Env("UV_NO_CONFIG"))
        {
            return [];
        }
        var files = new List<(TomlTable, string)>();
        if (Nearest(start) is { } project)
        {
            files.Add(project);
        }
        var configHome = NonEmpty(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME"))
            ?? (NonEmpty(Environment.GetEnvironmentVariable("HOME")) is { } home ? Path.Combine(home, ".config") : null);
        if (configHome is not null && ParseUvToml(Path.Combine(configHome, "uv", "uv.toml")) is { } user)
        {
            files.Add((user, Path.Combine(configHome, "uv")));
        }
        if (!Boolish.Env("UV_NO_SYSTEM_CONFIG"))
        {
            var directories = (NonEmpty(Environment.GetEnvironmentVariable("XDG_CONFIG_DIRS")) ?? "/etc/xdg")
                .Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Append("/etc");
            foreach (var directory in directories.Select(d => Path.Combine(d, "uv")))
            {
                if (ParseUvToml(Path.Combine(directory, "uv.toml")) is { } system)
                {
                    files.Add((system, directory));
                    break;
                }
            }
        }
        return files;
    }

    private static (TomlTable, string)? Nearest(string start)
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (ParseUvToml(Path.Combine(directory, "uv.toml")) is { } uvToml)
            {
                return (uvToml, directory);
            }
            var pyproject = Path.Combine(directory, "pyproject.toml");
            if (!File.Exists(pyproject))
            {
                continue;
            }
            try
            {
                if (Toml.Table(Toml.Parse(File.ReadAllText(pyproject)), "tool", "uv") is { } uv)
                {
                    return (uv, directory);
                }
            }
            catch (Exception e) when (e is TomlException or InvalidDataException)
            {
                // UvConfig reports an unreadable pyproject.toml for the pip commands; discovery goes on.
            }
        }
        return null;
    }

    private static TomlTable? ParseUvToml(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return Toml.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is TomlException or InvalidDataException)
        {
            throw new UvError($"Failed to parse: `{UvPaths.UserDisplay(path)}`", [e.Message]);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
