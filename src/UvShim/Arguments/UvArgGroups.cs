using static UvShim.Arguments.OptionSpec;

namespace UvShim.Arguments;

/// <summary>
/// The argument structs uv flattens into several commands, one field per struct of
/// uv 0.12.5, crates/uv-cli/src/lib.rs, so the command tables read like uv's declarations.
/// Fields are ordered so that composites follow their parts (static initialisation order).
/// </summary>
internal static class UvArgGroups
{
    public static readonly IReadOnlyList<OptionSpec> IndexArgs =
    [
        Value("--index"),
        Value("--default-index"),
        Value("--index-url", 'i'),
        Value("--extra-index-url"),
        Value("--find-links", 'f'),
        Flag("--no-index"),
    ];

    public static readonly IReadOnlyList<OptionSpec> RegistryClientArgs =
    [
        Value("--index-strategy"),
        Value("--keyring-provider"),
    ];

    public static readonly IReadOnlyList<OptionSpec> SourcesArgs =
    [
        Flag("--no-sources"),
        Value("--no-sources-package"),
    ];

    public static readonly IReadOnlyList<OptionSpec> VersionSelectionArgs =
    [
        Value("--resolution"),
        Value("--prerelease"),
        Value("--prerelease-package"),
        Flag("--pre"),
        Value("--fork-strategy"),
    ];

    public static readonly IReadOnlyList<OptionSpec> HashCheckingArgs =
    [
        Flag("--require-hashes"),
        Flag("--no-require-hashes"),
        Flag("--verify-hashes"),
        Flag("--no-verify-hashes"),
    ];

    public static readonly IReadOnlyList<OptionSpec> PackageExcludeNewerArgs =
    [
        Value("--exclude-newer"),
        Value("--exclude-newer-package"),
    ];

    public static readonly IReadOnlyList<OptionSpec> RefreshArgs =
    [
        Flag("--refresh"),
        Flag("--no-refresh"),
        Value("--refresh-package"),
    ];

    // Here --no-binary is a flag; PipInstallArgs/PipSyncArgs declare their own --no-binary <PACKAGES>.
    public static readonly IReadOnlyList<OptionSpec> BuildOptionsArgs =
    [
        Flag("--no-build"),
        Flag("--build"),
        Value("--no-build-package"),
        Flag("--no-binary"),
        Flag("--binary"),
        Value("--no-binary-package"),
    ];

    public static readonly IReadOnlyList<OptionSpec> BuildIsolationArgs =
    [
        Flag("--no-build-isolation"),
        Flag("--build-isolation"),
    ];

    public static readonly IReadOnlyList<OptionSpec> PackageBuildIsolationArgs =
    [
        .. BuildIsolationArgs,
        Value("--no-build-isolation-package"),
    ];

    public static readonly IReadOnlyList<OptionSpec> ReinstallArgs =
    [
        Flag("--reinstall", null, "--force-reinstall"),
        Flag("--no-reinstall"),
        Value("--reinstall-package"),
    ];

    public static readonly IReadOnlyList<OptionSpec> CompileBytecodeArgs =
    [
        Flag("--compile-bytecode", null, "--compile"),
        Flag("--no-compile-bytecode", null, "--no-compile"),
    ];

    public static readonly IReadOnlyList<OptionSpec> ConfigSettingArgs =
    [
        Value("--config-setting", 'C', "--config-settings"),
        Value("--config-settings-package"),
    ];

    public static readonly IReadOnlyList<OptionSpec> UpgradeArgs =
    [
        Flag("--upgrade", 'U'),
        Flag("--no-upgrade"),
        Value("--upgrade-package", 'P'),
        Value("--upgrade-group"),
    ];

    public static readonly IReadOnlyList<OptionSpec> ProjectDependencyGroupsArgs =
    [
        Flag("--dev"),
        Flag("--no-dev"),
        Flag("--only-dev"),
        Value("--group"),
        Value("--no-group"),
        Flag("--no-default-groups"),
        Value("--only-group"),
        Flag("--all-groups"),
    ];

    public static readonly IReadOnlyList<OptionSpec> InstallerArgs =
    [
        .. IndexArgs,
        .. ReinstallArgs,
        .. RegistryClientArgs,
        .. ConfigSettingArgs,
        .. BuildIsolationArgs,
        .. PackageExcludeNewerArgs,
        Value("--link-mode"),
        .. CompileBytecodeArgs,
        .. SourcesArgs,
    ];

    public static readonly IReadOnlyList<OptionSpec> ResolverArgs =
    [
        .. IndexArgs,
        .. UpgradeArgs,
        .. RegistryClientArgs,
        .. VersionSelectionArgs,
        .. ConfigSettingArgs,
        .. PackageBuildIsolationArgs,
        .. PackageExcludeNewerArgs,
        Value("--link-mode"),
        .. SourcesArgs,
    ];

    public static readonly IReadOnlyList<OptionSpec> ResolverInstallerArgs =
    [
        .. ResolverArgs,
        .. ReinstallArgs,
        .. CompileBytecodeArgs,
    ];

    public static readonly IReadOnlyList<OptionSpec> FetchArgs =
    [
        .. IndexArgs,
        .. RegistryClientArgs,
        .. PackageExcludeNewerArgs,
    ];
}
