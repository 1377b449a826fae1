namespace UvShim.FakeUv.Project;

/// <summary>
/// Splits a <c>uv run</c> command line as clap does for its external subcommand (uv-cli <c>RunArgs::command</c>): the
/// options before the first positional after <c>run</c> (or after <c>--</c>) are uv's; that positional and everything
/// after it are the command's, options included. Which options take a value comes from uv's global arguments and
/// <c>RunArgs</c> with the structs it flattens (crates/uv-cli/src/lib.rs, crates/uv-cache/src/cli.rs).
/// </summary>
internal static class RunArguments
{
    private static readonly HashSet<string> LongWithValue = new(StringComparer.Ordinal)
    {
        // global
        "cache-dir", "config-file", "directory", "project", "color", "allow-insecure-host", "trusted-host",
        "python-preference", "python-fetch", "preview-features", "preview-feature",
        // run
        "extra", "no-extra", "group", "no-group", "only-group", "no-editable-package", "env-file", "with",
        "with-editable", "with-requirements", "package", "python", "python-platform", "max-recursion-depth",
        // resolver and installer, build, refresh
        "index", "default-index", "index-url", "extra-index-url", "find-links", "upgrade-package", "upgrade-group",
        "reinstall-package", "index-strategy", "keyring-provider", "resolution", "prerelease", "fork-strategy",
        "config-setting", "config-settings", "config-settings-package", "no-build-isolation-package", "exclude-newer",
        "exclude-newer-package", "link-mode", "no-sources-package", "no-build-package", "no-binary-package",
        "refresh-package",
    };

    private static readonly HashSet<char> ShortWithValue = ['p', 'w', 'C', 'P', 'i', 'f'];

    /// <summary>uv's own arguments (everything up to the command) and the command with its arguments.</summary>
    public static (string[] Uv, string[] Command) Split(IReadOnlyList<string> args)
    {
        var sawRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                if (sawRun)
                {
                    return ([.. args.Take(i)], [.. args.Skip(i + 1)]);
                }
                continue;
            }
            if (token == "-" || !token.StartsWith('-'))
            {
                if (!sawRun)
                {
                    sawRun = true;
                    continue;
                }
                return ([.. args.Take(i)], [.. args.Skip(i)]);
            }
            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                if (!token.Contains('=') && LongWithValue.Contains(token[2..]))
                {
                    i++;
                }
                continue;
            }
            for (var k = 1; k < token.Length; k++)
            {
                if (ShortWithValue.Contains(token[k]))
                {
                    if (k == token.Length - 1)
                    {
                        i++;
                    }
                    break;
                }
            }
        }
        return ([.. args], []);
    }
}
