using Tomlyn.Model;

namespace UvShim.FakeUv.Index;

/// <summary>
/// The index locations of a command, combined as uv's settings do (crates/uv/src/settings.rs, <c>PipSettings::combine</c>
/// and the resolver settings; crates/uv-cli/src/options.rs <c>IndexArgs</c>): from the command line (<c>--default-index</c>,
/// <c>--index</c>, then <c>--extra-index-url</c>, then <c>--index-url</c>/<c>-i</c>; <c>--find-links</c>/<c>-f</c>;
/// <c>--no-index</c>; each but the last falling back to its environment variable), then from the configuration files (<c>index</c>,
/// <c>extra-index-url</c>, <c>index-url</c>, <c>find-links</c>, <c>no-index</c>; lists concatenated file after file, a
/// single value from the first file that sets it). The pip commands read <c>[pip]</c> (<c>[tool.uv.pip]</c>) first and
/// the top-level keys after it: uv's pip interface reads <c>[[tool.uv.index]]</c> too.
/// </summary>
internal static class IndexSettings
{
    public static IndexLocations Resolve(UvCommandLine line, IReadOnlyList<(TomlTable Options, string Directory)> files, bool pip)
    {
        var cwd = Directory.GetCurrentDirectory();
        var cliIndexes = new List<PackageIndex>();
        cliIndexes.AddRange(OptionOrEnvironment(line, ["default-index"], "UV_DEFAULT_INDEX", split: false)
            .Select(v => NamedIndex(v, cwd, isDefault: true)));
        cliIndexes.AddRange(OptionOrEnvironment(line, ["index"], "UV_INDEX", split: true)
            .Select(v => NamedIndex(v, cwd, isDefault: false)));
        cliIndexes.AddRange(OptionOrEnvironment(line, ["extra-index-url"], "UV_EXTRA_INDEX_URL", split: true)
            .Select(v => PackageIndex.Parse(v, cwd, isDefault: false)));
        cliIndexes.AddRange(OptionOrEnvironment(line, ["index-url", "i"], "UV_INDEX_URL", split: false).TakeLast(1)
            .Select(v => PackageIndex.Parse(v, cwd, isDefault: true)));
        var cliFlat = OptionOrEnvironment(line, ["find-links", "f"], "UV_FIND_LINKS", split: true, delimiter: ',')
            .Select(v => PackageIndex.Parse(v, cwd, isDefault: false))
            .ToList();
        var noIndex = line.Has("no-index");

        var sections = pip
            ? files.Select(f => (Toml.Table(f.Options, "pip"), f.Directory)).Concat(files.Select(f => ((TomlTable?)f.Options, f.Directory)))
            : files.Select(f => ((TomlTable?)f.Options, f.Directory));
        var sectionList = sections.Where(s => s.Item1 is not null).Select(s => (Table: s.Item1!, s.Directory)).ToList();

        var configIndexes = new List<PackageIndex>();
        foreach (var (table, directory) in sectionList)
        {
            foreach (var entry in Toml.Tables(table, "index").Where(e => Toml.String(e, "format") != "flat"))
            {
                configIndexes.Add(PackageIndex.Parse(
                    Toml.String(entry, "url") ?? throw new UvError("missing field `url` in an index"),
                    directory,
                    Toml.Bool(entry, "default") ?? false,
                    Toml.String(entry, "name"),
                    Toml.Bool(entry, "explicit") ?? false));
            }
        }
        foreach (var (table, directory) in sectionList)
        {
            configIndexes.AddRange(Toml.Strings(table, "extra-index-url").Select(v => PackageIndex.Parse(v, directory, isDefault: false)));
        }
        if (sectionList.FirstOrDefault(s => Toml.String(s.Table, "index-url") is not null) is { Table: not null } withIndexUrl)
        {
            configIndexes.Add(PackageIndex.Parse(Toml.String(withIndexUrl.Table, "index-url")!, withIndexUrl.Directory, isDefault: true));
        }
        var configFlat = new List<PackageIndex>();
        foreach (var (table, directory) in sectionList)
        {
            configFlat.AddRange(Toml.Strings(table, "find-links").Select(v => PackageIndex.Parse(v, directory, isDefault: false)));
            configFlat.AddRange(Toml.Tables(table, "index").Where(e => Toml.String(e, "format") == "flat")
                .Select(e => PackageIndex.Parse(Toml.String(e, "url") ?? "", directory, isDefault: false, Toml.String(e, "name"))));
        }
        var configNoIndex = sectionList.Select(s => Toml.Bool(s.Table, "no-index")).FirstOrDefault(b => b is not null) ?? false;

        return new IndexLocations([.. cliIndexes, .. configIndexes], [.. cliFlat, .. configFlat], noIndex || configNoIndex);
    }

    /// <summary><c>--index name=url</c> or <c>--index url</c>.</summary>
    private static PackageIndex NamedIndex(string value, string cwd, bool isDefault)
    {
        var equals = value.IndexOf('=');
        var colon = value.IndexOf(':');
        return equals > 0 && (colon < 0 || equals < colon)
            ? PackageIndex.Parse(value[(equals + 1)..], cwd, isDefault, PackageName.Normalize(value[..equals]))
            : PackageIndex.Parse(value, cwd, isDefault);
    }

    /// <summary>clap's <c>env = …</c>: the command line's values, else the variable's (split on spaces for list options).</summary>
    private static IReadOnlyList<string> OptionOrEnvironment(UvCommandLine line, string[] names, string variable, bool split, char delimiter = ' ')
    {
        var given = line.Values(names).ToList();
        if (given.Count > 0)
        {
            return split ? given.SelectMany(v => v.Split(delimiter, StringSplitOptions.RemoveEmptyEntries)).ToList() : given;
        }
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }
        return split ? value.Split(delimiter, StringSplitOptions.RemoveEmptyEntries) : [value];
    }
}
