using UvShim.Native;
using UvShim.Planning;

namespace UvShim.Execution;

/// <summary>
/// Which console scripts an install put in a directory: the <c>.dist-info</c> directories of the site directories
/// before the install, compared with after; a new or rewritten one (a reinstall replaces it) is a distribution uv
/// installed, and its <c>entry_points.txt</c> <c>[console_scripts]</c> names the scripts (pip warns about those, not
/// about gui_scripts or a wheel's data scripts), each checked to be in the scripts directory.
/// </summary>
internal sealed class InstalledScripts
{
    private readonly ScriptsWatch _watch;
    private readonly Dictionary<string, (FileStatus? Directory, FileStatus? Record)> _before;

    private InstalledScripts(ScriptsWatch watch)
    {
        _watch = watch;
        _before = Read(watch);
    }

    public static InstalledScripts Snapshot(ScriptsWatch watch) => new(watch);

    /// <summary>pip's warning for each distribution installed since the snapshot that put console scripts off PATH, by name.</summary>
    public IEnumerable<string> Warnings()
    {
        var after = Read(_watch);
        foreach (var (distInfo, status) in after.OrderBy(e => Path.GetFileName(e.Key), StringComparer.Ordinal))
        {
            if (_before.TryGetValue(distInfo, out var earlier) && earlier == status)
                continue;
            var scripts = ConsoleScripts(distInfo)
                .Where(name => File.Exists(Path.Combine(_watch.ScriptsDirectory, _watch.Windows ? name + ".exe" : name)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (scripts.Count > 0)
                yield return ScriptsOnPath.Message(_watch.ScriptsDirectory, scripts, _watch.TildeOnPath);
        }
    }

    private static Dictionary<string, (FileStatus?, FileStatus?)> Read(ScriptsWatch watch)
    {
        var result = new Dictionary<string, (FileStatus?, FileStatus?)>(StringComparer.Ordinal);
        foreach (var site in watch.SiteDirectories.Distinct(StringComparer.Ordinal))
        {
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateDirectories(site, "*.dist-info").ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
                result[entry] = (FileStatusReader.Read(entry), FileStatusReader.Read(Path.Combine(entry, "RECORD")));
        }
        return result;
    }

    /// <summary>The names of <c>[console_scripts]</c>, read as importlib.metadata reads entry_points.txt.</summary>
    public static IEnumerable<string> ConsoleScripts(string distInfo)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(distInfo, "entry_points.txt"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        var names = new List<string>();
        var inSection = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                inSection = line[1..^1].Trim() == "console_scripts";
                continue;
            }
            var equals = line.IndexOf('=');
            if (inSection && equals > 0)
                names.Add(line[..equals].Trim());
        }
        return names;
    }
}
