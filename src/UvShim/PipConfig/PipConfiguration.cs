using System.Text;
using UvShim.Python;

namespace UvShim.PipConfig;

/// <summary>
/// pip's own configuration as far as uvshim's decision needs it: the boolean options <c>--user</c> (and pip's
/// <c>--no-user</c>, which sets the same destination to the value given) and <c>--break-system-packages</c>, from
/// pip's files and <c>PIP_*</c> variables, read as pip reads them (configuration.py <c>Configuration.load</c>,
/// cli/parser.py <c>_get_ordered_configuration_items</c> and <c>_update_defaults</c>): files in override order, each
/// file's later keys replacing earlier ones; then <c>[global]</c>, the command's section, the environment, in that order,
/// the last one for the option winning; empty values dropped; <c>strtobool</c> values. A file pip could not load, or a
/// value that is no boolean, would stop pip; uvshim leaves it out and says so (<see cref="Problems"/>).
/// </summary>
internal sealed class PipConfiguration
{
    public const string UserKey = "user";
    public const string NoUserKey = "no-user";
    public const string BreakSystemPackagesKey = "break-system-packages";

    private const string EnvironmentSection = ":env:";

    private readonly IReadOnlyDictionary<string, string> _env;
    private readonly Func<string?, IReadOnlyList<PipConfigFile>> _files;
    private readonly Dictionary<string, Loaded> _loaded = new(StringComparer.Ordinal);

    /// <param name="files">Where pip looks, by site prefix; <see cref="PipConfigFiles.For"/> unless a test says otherwise.</param>
    public PipConfiguration(IReadOnlyDictionary<string, string> env, Func<string?, IReadOnlyList<PipConfigFile>>? files = null)
    {
        _env = env;
        _files = files ?? (sitePrefix => PipConfigFiles.For(env, sitePrefix, () => Home(env)));
    }

    /// <summary>The files pip would consider for an interpreter whose <c>sys.prefix</c> is <paramref name="sitePrefix"/>.</summary>
    public IReadOnlyList<PipConfigFile> Files(string? sitePrefix) => _files(sitePrefix);

    /// <summary>The files that exist, with what went wrong reading any of them.</summary>
    public IReadOnlyList<string> FilesRead(string? sitePrefix) => [.. Files(sitePrefix).Where(f => Load(f.Path).Exists).Select(f => f.Path).Distinct()];

    /// <summary>What pip would stop on: a file it could not load, a switch value that is no boolean.</summary>
    public IReadOnlyList<string> Problems(string command, string? sitePrefix)
    {
        var problems = Files(sitePrefix).Select(f => Load(f.Path).Problem).OfType<string>().Distinct().ToList();
        foreach (var key in new[] { UserKey, NoUserKey, BreakSystemPackagesKey })
        {
            foreach (var item in Items(command, sitePrefix).Where(i => i.Key == key && StrToBool(i.Value) is null))
                problems.Add($"{item.Source}: '{item.Value}' is not a valid value for {key} (pip wants yes/no, true/false or 1/0); left out");
        }
        return problems;
    }

    /// <summary>pip's <c>use_user_site</c> from its configuration: null when nothing sets it.</summary>
    public PipSwitch? User(string command, string? sitePrefix) => Switch([UserKey, NoUserKey], command, sitePrefix);

    /// <summary>pip's <c>override_externally_managed</c> from its configuration: null when nothing sets it.</summary>
    public PipSwitch? BreakSystemPackages(string command, string? sitePrefix) => Switch([BreakSystemPackagesKey], command, sitePrefix);

    private PipSwitch? Switch(string[] keys, string command, string? sitePrefix)
    {
        PipSwitch? last = null;
        foreach (var item in Items(command, sitePrefix))
        {
            if (keys.Contains(item.Key) && StrToBool(item.Value) is { } value)
                last = new PipSwitch(value, item.Source + (item.Key == NoUserKey ? " (pip sets its user option to this value)" : ""));
        }
        return last;
    }

    /// <summary>The pairs pip applies to a command's options, in the order it applies them.</summary>
    private IEnumerable<Item> Items(string command, string? sitePrefix)
    {
        // Configuration._dictionary: one entry per file name, in override order (a name seen again keeps its place).
        var byFile = new List<(string File, List<Item> Items)>();
        foreach (var file in Files(sitePrefix))
        {
            var items = Load(file.Path).Items;
            var at = byFile.FindIndex(f => f.File == file.Path);
            if (at >= 0)
                byFile[at] = (file.Path, items);
            else
                byFile.Add((file.Path, items));
        }
        byFile.Add((EnvironmentSection, EnvironmentItems()));

        // _get_ordered_configuration_items: per section a dictionary (first place, last value), empty values dropped.
        var sections = new[] { "global", command, EnvironmentSection }.Distinct().ToDictionary(s => s, _ => new List<Item>());
        foreach (var (_, items) in byFile)
        {
            foreach (var item in items)
            {
                if (!sections.TryGetValue(item.Section, out var section))
                    continue;
                var at = section.FindIndex(i => i.Key == item.Key);
                if (at >= 0)
                    section[at] = item;
                else
                    section.Add(item);
            }
        }
        return sections.Values.SelectMany(items => items.Where(i => i.Value.Length > 0));
    }

    private List<Item> EnvironmentItems()
    {
        var items = new List<Item>();
        foreach (var (name, value) in _env)
        {
            // get_environ_vars: PIP_ and the rest lowercased, version and help ignored; _normalize_name.
            if (!name.StartsWith("PIP_", StringComparison.Ordinal) || name[4..].ToLowerInvariant() is "version" or "help")
                continue;
            var key = Normalize(name[4..]);
            var at = items.FindIndex(i => i.Key == key);
            var item = new Item(EnvironmentSection, key, value, $"{name}={value}");
            if (at >= 0)
                items[at] = item;
            else
                items.Add(item);
        }
        return items;
    }

    private Loaded Load(string path)
    {
        if (_loaded.TryGetValue(path, out var loaded))
            return loaded;
        return _loaded[path] = Read(path);
    }

    private static Loaded Read(string path)
    {
        if (!File.Exists(path))
            return new Loaded(false, [], null);
        try
        {
            var ini = PythonIni.Parse(new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path)));
            var items = new List<Item>();
            foreach (var section in ini.Sections)
            {
                foreach (var (key, value) in ini.Items(section))
                    items.Add(new Item(section, Normalize(key), value, $"{key} = {value} in {path} [{section}]"));
            }
            return new Loaded(true, items, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // configparser's read skips a file it cannot open.
            return new Loaded(true, [], null);
        }
        catch (Exception e) when (e is DecoderFallbackException or PythonIniException)
        {
            return new Loaded(true, [], $"{path} could not be loaded ({(e is DecoderFallbackException ? "not UTF-8" : e.Message)}): pip would stop, uvshim ignores the file");
        }
    }

    /// <summary>configuration.py <c>_normalize_name</c>.</summary>
    private static string Normalize(string name)
    {
        var normalized = name.ToLowerInvariant().Replace('_', '-');
        return normalized.StartsWith("--", StringComparison.Ordinal) ? normalized[2..] : normalized;
    }

    /// <summary>utils/misc.py <c>strtobool</c>.</summary>
    public static bool? StrToBool(string value) =>
        value.ToLowerInvariant() switch
        {
            "y" or "yes" or "t" or "true" or "on" or "1" => true,
            "n" or "no" or "f" or "false" or "off" or "0" => false,
            _ => null,
        };

    /// <summary><c>os.path.expanduser("~")</c>: HOME (USERPROFILE on Windows) when set, else the account's home.</summary>
    private static string? Home(IReadOnlyDictionary<string, string> env)
    {
        if (env.TryGetValue(OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME", out var home))
            return home.Length > 0 ? home : Path.DirectorySeparatorChar.ToString();
        var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return profile.Length > 0 ? profile : null;
    }

    private sealed record Item(string Section, string Key, string Value, string Source);

    private sealed record Loaded(bool Exists, List<Item> Items, string? Problem);
}
