using Tomlyn.Model;

namespace UvShim.UvConfig;

/// <summary>
/// uv 0.12.5, crates/uv-settings/src/lib.rs FilesystemOptions::find and from_directory: from a directory up to the
/// root, the first directory with a <c>uv.toml</c>, or with a <c>pyproject.toml</c> that has a <c>[tool.uv]</c>
/// table, supplies the project settings and ends the walk; nothing above it is read.
/// </summary>
internal static class ProjectConfigWalk
{
    public static DirectoryConfig Find(string start, ICollection<UvConfigWarning> warnings)
    {
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var result = FromDirectory(dir, warnings);
            if (result is not DirectoryConfig.None)
                return result;
        }
        return DirectoryConfig.Nothing;
    }

    /// <summary>A <c>uv.toml</c> wins over a <c>pyproject.toml</c> in the same directory, whatever the latter holds.</summary>
    private static DirectoryConfig FromDirectory(string dir, ICollection<UvConfigWarning> warnings)
    {
        var uvToml = Path.Combine(dir, "uv.toml");
        if (Path.Exists(uvToml))
        {
            // Any failure here (even a directory named uv.toml) is fatal in uv; only "not found" moves on.
            var file = UvTomlReader.ReadUvToml(uvToml, out var error);
            return file is null ? new DirectoryConfig.Failed(dir, uvToml, error!) : new DirectoryConfig.Found(dir, file);
        }

        var pyproject = Path.Combine(dir, "pyproject.toml");
        if (!Path.Exists(pyproject))
            return DirectoryConfig.Nothing;

        // An unreadable pyproject.toml is an I/O error, which uv does not excuse.
        var text = UvTomlFile.Read(pyproject, out var readError);
        if (text is null)
            return new DirectoryConfig.Failed(dir, pyproject, readError!);
        if (!PyprojectPrefilter.MayHaveToolUv(text))
            return DirectoryConfig.Nothing;

        // A pyproject.toml that does not parse (syntax or types) only draws a warning; the walk goes on.
        var document = UvTomlFile.Parse(text, pyproject, out var parseError);
        if (document is null)
            return Skip(pyproject, parseError!, warnings);
        if (!document.TryGetValue("tool", out var tool))
            return DirectoryConfig.Nothing;
        if (tool is not TomlTable toolTable)
            return Skip(pyproject, "`tool`: invalid type, expected a table", warnings);
        if (!toolTable.TryGetValue("uv", out var uv))
            return DirectoryConfig.Nothing;
        if (uv is not TomlTable options)
            return Skip(pyproject, "`tool.uv`: invalid type, expected a table", warnings);

        var settings = UvConfigTable.Read(options, pyproject, "tool.uv.", out var optionsError);
        return settings is null ? Skip(pyproject, optionsError!, warnings) : new DirectoryConfig.Found(dir, settings);
    }

    private static DirectoryConfig Skip(string path, string reason, ICollection<UvConfigWarning> warnings)
    {
        warnings.Add(new UvConfigWarning(path, reason));
        return DirectoryConfig.Nothing;
    }
}
