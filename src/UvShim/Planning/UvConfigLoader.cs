using UvShim.Arguments;
using UvShim.UvConfig;

namespace UvShim.Planning;

/// <summary>Reads uv's own configuration the way uv would for this command line, into what the planners use.</summary>
internal static class UvConfigLoader
{
    /// <summary>The view, or null when uv could not read its configuration (uv then reports it itself).</summary>
    public static (UvConfigView? View, string? Problem) Load(UvArguments arguments, InvocationKind kind, InvocationContext context)
    {
        var inputs = Inputs(arguments, kind);
        var result = UvConfigDiscovery.Load(TargetFinder.WorkingDirectory(arguments, context), inputs, context.Environment);
        return result switch
        {
            UvConfigResult.Loaded { Settings: var s } => (new UvConfigView(s.System, s.Python, s.Target, s.Prefix, s.BreakSystemPackages, s.Files), null),
            UvConfigResult.Unreadable unreadable => (null, $"{unreadable.Path}: {unreadable.Reason}"),
            _ => throw new InvalidOperationException("unknown configuration result"),
        };
    }

    /// <summary>What the command line says about config discovery, as uv's clap reads it.</summary>
    public static UvConfigInputs Inputs(UvArguments arguments, InvocationKind kind) =>
        new()
        {
            ConfigFile = arguments.Last("--config-file")?.Value,
            // pip sync's compat --no-config (uv 0.12.5 crates/uv-cli/src/compat.rs PipSyncCompatArgs) has the global's id,
            // no_config: clap 4.6.5 ArgMatcher::propagate_globals hands its value up to the global one, which uv reads.
            NoConfig = arguments.Has("--no-config"),
            Isolated = arguments.Has("--isolated"),
            Project = arguments.Last("--project")?.Value,
            // uv run keeps --isolated for itself, so it never disables the configuration there (crates/uv/src/lib.rs deprecated_isolated).
            Command = kind is InvocationKind.ProjectSync or InvocationKind.ProjectRun or InvocationKind.ProjectAdd or InvocationKind.ProjectRemove ? UvCommandKind.Project : UvCommandKind.Pip,
        };
}
