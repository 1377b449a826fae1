using static UvShim.Arguments.OptionSpec;
using static UvShim.Arguments.UvArgGroups;

namespace UvShim.Arguments;

/// <summary>Options of the <c>uv pip</c> subcommands uvshim parses (globals are added in <see cref="UvOptionTables"/>).</summary>
internal static class PipCommandOptions
{
    // The target and binary-selection fields PipInstallArgs and PipSyncArgs both declare, in that order.
    // Declared first: static fields initialize in textual order.
    private static readonly IReadOnlyList<OptionSpec> TargetAndBuildArgs =
    [
        Value("--python", 'p'),
        Flag("--system"),
        Flag("--no-system"),
        Flag("--break-system-packages"),
        Flag("--no-break-system-packages"),
        Value("--target", 't'),
        Value("--prefix"),
        Flag("--no-build"),
        Flag("--build"),
        Value("--no-binary"),
        Value("--only-binary"),
    ];

    // uvshim implements pip's --user for list/freeze/show/uninstall; uv itself rejects it there.
    private static readonly IReadOnlyList<OptionSpec> ShimUser = [Flag("--user")];

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipInstallArgs (+ ResolverInstallerArgs, RefreshArgs, HashCheckingArgs) and compat.rs PipInstallCompatArgs.
    public static readonly IReadOnlyList<OptionSpec> Install =
    [
        Value("--requirements", 'r', "--requirement"),
        Value("--editable", 'e'),
        Flag("--no-editable"),
        Value("--no-editable-package"),
        Value("--constraints", 'c', "--constraint"),
        Value("--overrides", null, "--override"),
        Value("--excludes", null, "--exclude"),
        Value("--build-constraints", 'b', "--build-constraint"),
        Value("--extra"),
        Flag("--all-extras"),
        Flag("--no-all-extras"),
        Value("--group"),
        .. ResolverInstallerArgs,
        .. RefreshArgs,
        Flag("--no-deps"),
        Flag("--deps"),
        .. HashCheckingArgs,
        .. TargetAndBuildArgs,
        Value("--python-version"),
        Value("--python-platform"),
        Flag("--inexact", null, "--no-exact"),
        Flag("--exact"),
        Flag("--strict"),
        Flag("--no-strict"),
        Flag("--dry-run"),
        Value("--torch-backend"),
        Flag("--disable-pip-version-check"),
        Flag("--user"),
    ];

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipSyncArgs (+ InstallerArgs, RefreshArgs, HashCheckingArgs) and compat.rs PipSyncCompatArgs.
    public static readonly IReadOnlyList<OptionSpec> Sync =
    [
        Value("--constraints", 'c', "--constraint"),
        Value("--build-constraints", 'b', "--build-constraint"),
        Value("--extra"),
        Flag("--all-extras"),
        Flag("--no-all-extras"),
        Value("--group"),
        .. InstallerArgs,
        .. RefreshArgs,
        .. HashCheckingArgs,
        .. TargetAndBuildArgs,
        Flag("--allow-empty-requirements"),
        Flag("--no-allow-empty-requirements"),
        Value("--python-version"),
        Value("--python-platform"),
        Flag("--strict"),
        Flag("--no-strict"),
        Flag("--dry-run"),
        Value("--torch-backend"),
        Flag("--ask", 'a'),
        Value("--python-executable"),
        Flag("--user"),
        Value("--client-cert"),
        Value("--config"),
        Flag("--no-config"),
        Value("--pip-args"),
    ];

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipUninstallArgs and compat.rs PipUninstallCompatArgs.
    public static readonly IReadOnlyList<OptionSpec> Uninstall =
    [
        Value("--requirements", 'r', "--requirement"),
        Value("--python", 'p'),
        Value("--keyring-provider"),
        Flag("--system"),
        Flag("--no-system"),
        Flag("--break-system-packages"),
        Flag("--no-break-system-packages"),
        Value("--target", 't'),
        Value("--prefix"),
        Flag("--dry-run"),
        Flag("--yes", 'y'),
        Flag("--disable-pip-version-check"),
        .. ShimUser,
    ];

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipListArgs (+ FetchArgs) and compat.rs PipListCompatArgs; here -e is a flag.
    public static readonly IReadOnlyList<OptionSpec> List =
    [
        Flag("--editable", 'e'),
        Flag("--exclude-editable"),
        Value("--exclude"),
        Value("--format"),
        Flag("--outdated"),
        Flag("--no-outdated"),
        Flag("--strict"),
        Flag("--no-strict"),
        .. FetchArgs,
        Value("--python", 'p'),
        Flag("--system"),
        Flag("--no-system"),
        Value("--target", 't'),
        Value("--prefix"),
        Flag("--disable-pip-version-check"),
        .. ShimUser,
    ];

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipFreezeArgs and compat.rs PipGlobalCompatArgs.
    public static readonly IReadOnlyList<OptionSpec> Freeze =
    [
        Flag("--exclude-editable"),
        Value("--exclude"),
        Flag("--strict"),
        Flag("--no-strict"),
        Value("--python", 'p'),
        Value("--path"),
        Flag("--system"),
        Flag("--no-system"),
        Value("--target", 't'),
        Value("--prefix"),
        Flag("--disable-pip-version-check"),
        .. ShimUser,
    ];

    // uv 0.12.5, crates/uv-cli/src/lib.rs PipShowArgs and compat.rs PipGlobalCompatArgs; here -f is --files (a flag).
    public static readonly IReadOnlyList<OptionSpec> Show =
    [
        Flag("--strict"),
        Flag("--no-strict"),
        Flag("--files", 'f'),
        Value("--python", 'p'),
        Flag("--system"),
        Flag("--no-system"),
        Value("--target", 't'),
        Value("--prefix"),
        Flag("--disable-pip-version-check"),
        .. ShimUser,
    ];
}
