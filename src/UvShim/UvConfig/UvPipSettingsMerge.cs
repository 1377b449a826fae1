namespace UvShim.UvConfig;

/// <summary>uv's <c>combine</c> for the keys uvshim reads: per key, the first file (highest precedence) that sets it wins.</summary>
internal static class UvPipSettingsMerge
{
    public static UvPipSettings Merge(string workingDirectory, IReadOnlyList<UvConfigFile> files)
    {
        if (files.Count == 0)
            return UvPipSettings.Empty;

        var sources = new Dictionary<UvPipKey, string>();
        var values = new Dictionary<UvPipKey, object>();
        foreach (var file in files)
        {
            foreach (var (key, value) in file.Values)
            {
                if (values.TryAdd(key, value))
                    sources[key] = file.Path;
            }
        }

        return new UvPipSettings
        {
            Python = values.GetValueOrDefault(UvPipKey.Python) as string,
            System = values.GetValueOrDefault(UvPipKey.System) as bool?,
            BreakSystemPackages = values.GetValueOrDefault(UvPipKey.BreakSystemPackages) as bool?,
            Target = Resolve(workingDirectory, values.GetValueOrDefault(UvPipKey.Target) as string),
            Prefix = Resolve(workingDirectory, values.GetValueOrDefault(UvPipKey.Prefix) as string),
            Files = [.. files.Select(file => file.Path)],
            Sources = sources,
        };
    }

    // uv keeps the path as written and the OS resolves it against the process's working directory.
    private static string? Resolve(string workingDirectory, string? path) =>
        path is null ? null : Path.Combine(workingDirectory, path);
}
