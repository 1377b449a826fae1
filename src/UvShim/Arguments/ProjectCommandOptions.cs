using static UvShim.Arguments.OptionSpec;
using static UvShim.Arguments.UvArgGroups;

namespace UvShim.Arguments;

/// <summary>Options of the project commands uvshim parses (globals are added in <see cref="UvOptionTables"/>).</summary>
internal static class ProjectCommandOptions
{
    // uv 0.12.5, crates/uv-cli/src/lib.rs SyncArgs (+ ProjectDependencyGroupsArgs, ResolverInstallerArgs, BuildOptionsArgs, RefreshArgs).
    public static readonly IReadOnlyList<OptionSpec> Sync =
    [
        Value("--extra"),
        Value("--output-format"),
        Flag("--all-extras"),
        Value("--no-extra"),
        Flag("--no-all-extras"),
        .. ProjectDependencyGroupsArgs,
        Flag("--editable"),
        Flag("--no-editable"),
        Value("--no-editable-package"),
        Flag("--inexact", null, "--no-exact"),
        Flag("--exact"),
        Flag("--active"),
        Flag("--no-active"),
        Flag("--no-install-project"),
        Flag("--only-install-project"),
        Flag("--no-install-workspace"),
        Flag("--only-install-workspace"),
        Flag("--no-install-local"),
        Flag("--only-install-local"),
        Value("--no-install-package"),
        Value("--only-install-package"),
        Flag("--locked"),
        Flag("--frozen"),
        Flag("--dry-run"),
        .. ResolverInstallerArgs,
        .. BuildOptionsArgs,
        .. RefreshArgs,
        Flag("--all-packages"),
        Value("--package"),
        Value("--script"),
        Value("--python", 'p'),
        Value("--python-platform"),
        Flag("--check"),
        Flag("--no-check"),
    ];

    // uv 0.12.5, crates/uv-cli/src/lib.rs ExportArgs (+ ProjectDependencyGroupsArgs, ResolverArgs, BuildOptionsArgs, RefreshArgs).
    public static readonly IReadOnlyList<OptionSpec> Export =
    [
        Value("--format"),
        Flag("--all-packages"),
        Value("--package"),
        Value("--prune"),
        Value("--extra"),
        Flag("--all-extras"),
        Value("--no-extra"),
        Flag("--no-all-extras"),
        .. ProjectDependencyGroupsArgs,
        Flag("--no-annotate"),
        Flag("--annotate"),
        Flag("--no-header"),
        Flag("--header"),
        Flag("--emit-index-url"),
        Flag("--no-emit-index-url"),
        Flag("--emit-find-links"),
        Flag("--no-emit-find-links"),
        Flag("--editable"),
        Flag("--no-editable"),
        Value("--no-editable-package"),
        Flag("--hashes"),
        Flag("--no-hashes"),
        Value("--output-file", 'o'),
        Flag("--no-emit-project", null, "--no-install-project"),
        Flag("--only-emit-project", null, "--only-install-project"),
        Flag("--no-emit-workspace", null, "--no-install-workspace"),
        Flag("--only-emit-workspace", null, "--only-install-workspace"),
        Flag("--no-emit-local", null, "--no-install-local"),
        Flag("--only-emit-local", null, "--only-install-local"),
        Value("--no-emit-package", null, "--no-install-package"),
        Value("--only-emit-package", null, "--only-install-package"),
        Flag("--locked"),
        Flag("--frozen"),
        .. ResolverArgs,
        .. BuildOptionsArgs,
        .. RefreshArgs,
        Value("--script"),
        Value("--python", 'p'),
    ];
}
