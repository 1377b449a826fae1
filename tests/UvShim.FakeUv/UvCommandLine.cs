namespace UvShim.FakeUv;

/// <summary>
/// A uv command line split into subcommand words, options and operands, clap-style:
/// <c>--opt v</c>, <c>--opt=v</c>, <c>-rFILE</c>, bundled short flags, <c>--</c> ends options,
/// global options anywhere. Only as much of uv's grammar as the fake needs.
/// </summary>
internal sealed class UvCommandLine
{
    private static readonly HashSet<string> LongOptionsWithValue = new(StringComparer.Ordinal)
    {
        // global
        "cache-dir", "config-file", "directory", "project", "color", "allow-insecure-host", "trusted-host",
        "python-preference", "python-fetch", "preview-features", "preview-feature", "cert",
        // pip install / sync / uninstall / list / freeze / show
        "requirements", "requirement", "editable", "constraints", "constraint", "build-constraints",
        "build-constraint", "index-url", "find-links", "upgrade-package", "config-setting", "config-settings",
        "python", "target", "overrides", "override", "excludes", "exclude", "extra", "group",
        "no-editable-package", "index", "default-index", "extra-index-url", "index-strategy",
        "keyring-provider", "upgrade-group", "reinstall-package", "resolution", "prerelease",
        "prerelease-package", "fork-strategy", "config-settings-package", "no-build-isolation-package",
        "no-binary", "only-binary", "exclude-newer", "exclude-newer-package", "link-mode",
        "no-sources-package", "refresh-package", "prefix", "python-version", "python-platform",
        "torch-backend", "format", "path", "output-file", "depth", "prune", "package",
        // project commands (export, sync)
        "no-extra", "no-group", "only-group", "no-emit-package", "only-emit-package", "no-install-package",
        "only-install-package", "script", "upgrade-package",
    };

    /// <summary>Options that are plain flags in one subcommand although they take a value elsewhere.</summary>
    private static bool IsFlagHere(string name, List<string> words) =>
        words switch
        {
            ["pip", "list" or "ls", ..] => name is "e" or "editable",
            ["pip", "show", ..] => name is "f" or "files",
            ["export" or "sync", ..] => name is "editable",
            _ => false,
        };

    private static readonly HashSet<char> ShortOptionsWithValue = ['r', 'e', 'c', 'b', 'i', 'f', 'P', 'C', 'p', 't', 'o', 'd'];

    private readonly List<(string Name, string? Value)> _options = [];

    public List<string> Words { get; } = [];

    public static UvCommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new UvCommandLine();
        var onlyOperands = false;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (onlyOperands || token == "-" || !token.StartsWith('-'))
            {
                line.Words.Add(token);
            }
            else if (token == "--")
            {
                onlyOperands = true;
            }
            else if (token.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = token.IndexOf('=');
                var name = equals < 0 ? token[2..] : token[2..equals];
                string? value = equals < 0 ? null : token[(equals + 1)..];
                if (value is null && LongOptionsWithValue.Contains(name) && !IsFlagHere(name, line.Words) && i + 1 < args.Count)
                {
                    value = args[++i];
                }
                line._options.Add((name, value));
            }
            else
            {
                for (var k = 1; k < token.Length; k++)
                {
                    var flag = token[k];
                    if (!ShortOptionsWithValue.Contains(flag) || IsFlagHere(flag.ToString(), line.Words))
                    {
                        line._options.Add((flag.ToString(), null));
                        continue;
                    }
                    var rest = token[(k + 1)..];
                    string? value = rest.Length > 0 ? rest.TrimStart('=') : i + 1 < args.Count ? args[++i] : null;
                    line._options.Add((flag.ToString(), value));
                    break;
                }
            }
        }
        return line;
    }

    /// <summary>The first word (<c>pip</c>, <c>run</c>, …), or empty.</summary>
    public string Command => Words.Count > 0 ? Words[0] : "";

    /// <summary>For <c>pip</c>: the second word (<c>install</c>, …), or empty.</summary>
    public string PipCommand => Command == "pip" && Words.Count > 1 ? Words[1] : "";

    /// <summary>Words after <c>pip &lt;command&gt;</c>: package specs, wheel paths.</summary>
    public IEnumerable<string> PipOperands => Words.Skip(2);

    public bool Has(params string[] names) => _options.Any(o => names.Contains(o.Name));

    public int Count(params string[] names) => _options.Count(o => names.Contains(o.Name));

    /// <summary>The last value given for any of the names (uv rejects repeats; the fake does not care).</summary>
    public string? Value(params string[] names) => _options.LastOrDefault(o => names.Contains(o.Name)).Value;

    public IEnumerable<string> Values(params string[] names) =>
        _options.Where(o => names.Contains(o.Name) && o.Value is not null).Select(o => o.Value!);

    public bool Quiet => Has("q", "quiet");

    /// <summary>A clap flag with its <c>--no-…</c> counterpart: the one given last wins; null when neither is given.</summary>
    public bool? FlagPair(string yes, string no)
    {
        var last = _options.LastOrDefault(o => o.Name == yes || o.Name == no);
        return last.Name is null ? null : last.Name == yes;
    }

    /// <summary>The option tokens in the order given (name without dashes, value or null).</summary>
    public IReadOnlyList<(string Name, string? Value)> Options => _options;
}
