namespace UvShim.UvConfig;

/// <summary>A <c>uv.toml</c> (project, user, system or <c>--config-file</c>): lib.rs read_file + validate_uv_toml.</summary>
internal static class UvTomlReader
{
    /// <summary>The file's <c>[pip]</c> values, or null with the reason uv would refuse it.</summary>
    public static UvConfigFile? ReadUvToml(string path, out string? error)
    {
        var text = UvTomlFile.Read(path, out error);
        return text is null ? null : FromText(path, text, out error);
    }

    public static UvConfigFile? FromText(string path, string text, out string? error)
    {
        var document = UvTomlFile.Parse(text, path, out error);
        if (document is null)
            return null;
        var file = UvConfigTable.Read(document, path, "", out error);
        if (file is null)
            return null;
        error = UvConfigTable.CheckUvToml(document);
        return error is null ? file : null;
    }
}
