using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>A temporary directory tree standing in for the file system, home and /etc of one config case.</summary>
internal sealed class ConfigTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("uvshim-uvconfig-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public string Expand(string text) => text.Replace("{root}", Root, StringComparison.Ordinal);

    public void Write(string relative, string content)
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string?> extra)
    {
        var env = new Dictionary<string, string>
        {
            ["HOME"] = Path("home"),
            ["XDG_CONFIG_DIRS"] = Path("xdg"),
        };
        foreach (var (key, value) in extra)
        {
            if (value is null)
                env.Remove(key);
            else
                env[key] = Expand(value);
        }
        return env;
    }

    /// <summary>A Unix host whose /etc/uv/uv.toml lives in the tree and with no home directory outside it.</summary>
    public UvConfigHost Host() => new()
    {
        IsWindows = false,
        EtcConfigFile = Path("etc/uv/uv.toml"),
        HomeFallback = () => null,
        RoamingAppDataFallback = () => null,
    };

    public static UvConfigResult Run(ConfigCase row, out ConfigTree tree)
    {
        tree = new ConfigTree();
        foreach (var dir in row.Directories)
            Directory.CreateDirectory(tree.Path(dir));
        Directory.CreateDirectory(tree.Path(row.Cwd));
        foreach (var (file, content) in row.Files)
        {
            if (file.EndsWith('/'))
                Directory.CreateDirectory(tree.Path(file));
            else
                tree.Write(file, content);
        }

        var inputs = row.Inputs with
        {
            ConfigFile = row.Inputs.ConfigFile is null ? null : tree.Expand(row.Inputs.ConfigFile),
            Project = row.Inputs.Project is null ? null : tree.Expand(row.Inputs.Project),
        };
        return UvConfigDiscovery.Load(tree.Path(row.Cwd), inputs, tree.Environment(row.Env), tree.Host());
    }

    /// <summary>Runs the row and checks everything it expects.</summary>
    public static void Check(ConfigCase row)
    {
        var result = Run(row, out var tree);
        using var _ = tree;

        if (row.ExpectUnreadable is not null)
        {
            var unreadable = Assert.IsType<UvConfigResult.Unreadable>(result);
            var expected = row.ExpectUnreadable.StartsWith("UV_", StringComparison.Ordinal) || row.ExpectUnreadable.StartsWith("--", StringComparison.Ordinal)
                ? row.ExpectUnreadable
                : tree.Path(row.ExpectUnreadable);
            Assert.Equal(expected, unreadable.Path);
            Assert.False(string.IsNullOrWhiteSpace(unreadable.Reason));
            return;
        }

        var loaded = Assert.IsType<UvConfigResult.Loaded>(result);
        var settings = loaded.Settings;
        foreach (var key in UvPipKeys.All)
        {
            var actual = Value(settings, key);
            if (row.Expect.TryGetValue(key, out var expected))
            {
                Assert.Equal(expected.Value is string text ? tree.Expand(text) : expected.Value, actual);
                Assert.Equal(tree.Path(expected.From), settings.SourceOf(key));
            }
            else
            {
                Assert.Null(actual);
                Assert.Null(settings.SourceOf(key));
            }
        }
        if (row.ExpectFiles is not null)
            Assert.Equal(row.ExpectFiles.Select(tree.Path), settings.Files);
        Assert.Equal(row.ExpectWarnings.Select(tree.Path), loaded.Warnings.Select(warning => warning.Path));
    }

    private static object? Value(UvPipSettings settings, UvPipKey key) => key switch
    {
        UvPipKey.Python => settings.Python,
        UvPipKey.System => settings.System,
        UvPipKey.BreakSystemPackages => settings.BreakSystemPackages,
        UvPipKey.Target => settings.Target,
        UvPipKey.Prefix => settings.Prefix,
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };
}
