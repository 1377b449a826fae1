using UvShim.Arguments;
using UvShim.UvConfig;

namespace UvShim.Planning;

/// <summary>Reads uv's own configuration the way uv would for this command line, into what the planners use.</summary>
internal static class UvConfigLoader
{
    /// <summary>The view, or null when uv could not read its configuration (uv then reports it itself).</summary>
    public static (UvConfigView? View, string? Problem) Load(UvArguments arguments, InvocationKind kind, InvocationContext context)
    {
        var inputs = new UvConfigInputs
        {
            ConfigFile = arguments.Last("--config-file")?.Value,
            // pip sync declares a compat --no-config of its own that clap binds instead of the global one.
            NoConfig = kind != InvocationKind.PipSync && arguments.Has("--no-config"),
            Isolated = arguments.Has("--isolated"),
            Project = arguments.Last("--project")?.Value,
            Command = kind is InvocationKind.ProjectSync or InvocationKind.ProjectRun or InvocationKind.ProjectAdd or InvocationKind.ProjectRemove ? UvCommandKind.Project : UvCommandKind.Pip,
        };
        var result = UvConfigDiscovery.Load(TargetFinder.WorkingDirectory(arguments, context), inputs, context.Environment);
        return result switch
        {
            UvConfigResult.Loaded { Settings: var s } => (new UvConfigView(s.System, s.Python, s.Target, s.Prefix, s.BreakSystemPackages, s.Files), null),
            UvConfigResult.Unreadable unreadable => (null, $"{unreadable.Path}: {unreadable.Reason}"),
            _ => throw new InvalidOperationException("unknown configuration result"),
        };
    }
}
