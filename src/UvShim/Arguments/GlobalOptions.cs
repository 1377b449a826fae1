using static UvShim.Arguments.OptionSpec;

namespace UvShim.Arguments;

/// <summary>Options declared <c>global = true</c>, which clap accepts before or after any subcommand level.</summary>
internal static class GlobalOptions
{
    public static readonly OptionSpec Help = Flag("--help", 'h');

    public static bool IsGlobal(string canonicalName) => All.Any(spec => spec.Name == canonicalName);

    public static readonly OptionSpec Version = Flag("--version", 'V');

    // uv 0.12.5, crates/uv-cache/src/cli.rs CacheArgs and crates/uv-cli/src/lib.rs TopLevelArgs, GlobalArgs.
    public static readonly IReadOnlyList<OptionSpec> All =
    [
        Flag("--no-cache", 'n', "--no-cache-dir"),
        Value("--cache-dir"),
        Value("--config-file"),
        Flag("--no-config"),
        Help,
        Value("--python-preference"),
        Flag("--managed-python"),
        Flag("--no-managed-python"),
        Flag("--allow-python-downloads"),
        Flag("--no-python-downloads"),
        Value("--python-fetch"),
        Flag("--quiet", 'q'),
        Flag("--verbose", 'v'),
        Flag("--no-color"),
        Value("--color"),
        Flag("--native-tls"),
        Flag("--no-native-tls"),
        Flag("--system-certs"),
        Flag("--no-system-certs"),
        Flag("--offline"),
        Flag("--no-offline"),
        Value("--allow-insecure-host", null, "--trusted-host"),
        Flag("--preview"),
        Flag("--no-preview"),
        Value("--preview-features", null, "--preview-feature"),
        Flag("--isolated"),
        Flag("--show-settings"),
        Flag("--no-progress"),
        Flag("--no-installer-metadata"),
        Value("--directory"),
        Value("--project"),
    ];

    // uv 0.12.5, crates/uv-cli/src/lib.rs TopLevelArgs: -V/--version is not global, only `uv -V` works.
    public static readonly IReadOnlyList<OptionSpec> TopLevelOnly = [Version];

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipNamespace: --cert is global below `uv pip`.
    public static readonly IReadOnlyList<OptionSpec> PipNamespace = [Value("--cert")];
}
