using Tomlyn.Model;

namespace UvShim.UvConfig;

/// <summary>
/// Reads uv's <c>Options</c> table (a whole <c>uv.toml</c>, or <c>[tool.uv]</c>) for the <c>[pip]</c> keys uvshim
/// needs, rejecting what serde would reject for them (uv 0.12.5, crates/uv-settings/src/settings.rs PipOptions).
/// </summary>
/// <remarks>
/// Unknown keys are not rejected although uv's <c>deny_unknown_fields</c> does: that list grows with every uv
/// release, and guessing wrong would silently switch uvshim off for a file the installed uv accepts.
/// </remarks>
internal static class UvConfigTable
{
    /// <summary>Keys valid only in <c>pyproject.toml</c> (lib.rs validate_uv_toml), and pyproject tables a uv.toml never has.</summary>
    private static readonly string[] NotInUvToml =
    [
        "conflicts", "workspace", "sources", "dev-dependencies", "default-groups", "dependency-groups", "managed",
        "package", "build-backend", "environments", "required-environments",
        "project", "tool", "build-system",
    ];

    public static UvConfigFile? Read(TomlTable options, string path, string where, out string? error)
    {
        error = null;
        if (!options.TryGetValue("pip", out var pipValue))
            return UvConfigFile.Empty(path);
        if (pipValue is not TomlTable pip)
        {
            error = $"`{where}pip`: invalid type: {Describe(pipValue)}, expected a table";
            return null;
        }

        var values = new Dictionary<UvPipKey, object>();
        foreach (var key in UvPipKeys.All)
        {
            if (!pip.TryGetValue(key.TomlName(), out var value))
                continue;
            var ok = key.IsBoolean() ? value is bool : value is string;
            if (!ok)
            {
                error = $"`{where}pip.{key.TomlName()}`: invalid type: {Describe(value)}, expected {(key.IsBoolean() ? "a boolean" : "a string")}";
                return null;
            }
            values[key] = value;
        }
        return new UvConfigFile(path, values);
    }

    /// <summary>What uv's validate_uv_toml (and <c>deny_unknown_fields</c> for pyproject tables) refuses in a uv.toml.</summary>
    public static string? CheckUvToml(TomlTable document)
    {
        foreach (var key in NotInUvToml)
        {
            if (document.ContainsKey(key))
                return $"the `{key}` field is not allowed in a `uv.toml` file";
        }
        return null;
    }

    private static string Describe(object? value) => value switch
    {
        string s => $"string \"{s}\"",
        bool b => $"boolean `{(b ? "true" : "false")}`",
        long l => $"integer `{l}`",
        double => "floating point",
        TomlTable => "table",
        TomlArray or TomlTableArray => "sequence",
        _ => "datetime",
    };
}
