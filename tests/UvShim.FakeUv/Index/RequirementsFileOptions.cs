namespace UvShim.FakeUv.Index;

/// <summary>
/// The index options of requirements files (uv-requirements-txt: <c>-i</c>/<c>--index-url</c>,
/// <c>--extra-index-url</c>, <c>-f</c>/<c>--find-links</c>, <c>--no-index</c>; nested <c>-r</c> files relative to
/// the including file), as <c>uv pip install</c> adds them after its own settings (crates/uv/src/commands/pip/install.rs:
/// the extra index URLs, then the index URL, each a requirements-file index). Relative paths are taken from the working
/// directory.
/// </summary>
internal sealed record RequirementsFileOptions(string? IndexUrl, IReadOnlyList<string> ExtraIndexUrls, IReadOnlyList<string> FindLinks, bool NoIndex)
{
    public static RequirementsFileOptions Read(IEnumerable<string> files)
    {
        string? indexUrl = null;
        var extra = new List<string>();
        var findLinks = new List<string>();
        var noIndex = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void ReadFile(string path)
        {
            var full = Path.GetFullPath(path);
            if (!seen.Add(full) || !File.Exists(full))
            {
                return;
            }
            foreach (var line in Lines(File.ReadAllText(full)))
            {
                var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0)
                {
                    continue;
                }
                var (option, value) = tokens[0].IndexOf('=') is var eq and > 0 && tokens[0].StartsWith("--", StringComparison.Ordinal)
                    ? (tokens[0][..eq], tokens[0][(eq + 1)..])
                    : (tokens[0], tokens.Length > 1 ? tokens[1] : null);
                if (option.Length > 2 && option[0] == '-' && option[1] != '-' && option[1] is 'i' or 'f' or 'r')
                {
                    (option, value) = (option[..2], option[2..]);
                }
                switch (option)
                {
                    case "-i" or "--index-url" when value is not null:
                        indexUrl ??= value;
                        break;
                    case "--extra-index-url" when value is not null:
                        extra.Add(value);
                        break;
                    case "-f" or "--find-links" when value is not null:
                        findLinks.Add(value);
                        break;
                    case "--no-index":
                        noIndex = true;
                        break;
                    case "-r" or "--requirement" or "--requirements" when value is not null:
                        ReadFile(Path.Combine(Path.GetDirectoryName(full)!, value));
                        break;
                }
            }
        }

        foreach (var file in files)
        {
            ReadFile(file);
        }
        return new RequirementsFileOptions(indexUrl, extra, findLinks, noIndex);
    }

    /// <summary>Adds these options to the command's locations, as uv's pip install does.</summary>
    public IndexLocations AddTo(IndexLocations locations)
    {
        var cwd = Directory.GetCurrentDirectory();
        return locations.Combine(
            ExtraIndexUrls.Select(u => PackageIndex.Parse(u, cwd, isDefault: false))
                .Concat(IndexUrl is null ? [] : [PackageIndex.Parse(IndexUrl, cwd, isDefault: true)]),
            FindLinks.Select(u => PackageIndex.Parse(u, cwd, isDefault: false)),
            NoIndex);
    }

    private static IEnumerable<string> Lines(string text)
    {
        var current = "";
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimStart().StartsWith('#') ? "" : raw;
            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            line = comment >= 0 ? line[..comment] : line;
            if (line.TrimEnd().EndsWith('\\'))
            {
                current += line.TrimEnd()[..^1] + " ";
                continue;
            }
            yield return current + line;
            current = "";
        }
        if (current.Length > 0)
        {
            yield return current;
        }
    }
}
