namespace UvShim.UvConfig;

/// <summary>Which part of uv runs; uv 0.12.5, crates/uv/src/lib.rs chooses the config files by it.</summary>
internal enum UvCommandKind
{
    /// <summary><c>uv pip …</c> (and the other non-preview commands): the deprecated <c>--isolated</c> still disables config discovery.</summary>
    Pip,

    /// <summary>Project commands (<c>sync</c>, <c>run</c>, <c>lock</c>, …) and <c>uv python</c>: <c>--isolated</c> has no effect on config.</summary>
    Project,

    /// <summary><c>uv tool …</c> and <c>uv self …</c>: only the user and system files, never the project's.</summary>
    ToolOrSelf,
}

/// <summary>What the command line said about config discovery; the matching environment variables are read by <see cref="UvConfigDiscovery"/>.</summary>
internal sealed record UvConfigInputs
{
    public static readonly UvConfigInputs None = new();

    /// <summary>The global <c>--config-file</c> value as written, or null (then <c>UV_CONFIG_FILE</c> applies).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The global <c>--no-config</c> flag (or pip sync's compat one, whose value clap gives the global); when false, <c>UV_NO_CONFIG</c> applies.</summary>
    public bool NoConfig { get; init; }

    /// <summary>The global, deprecated <c>--isolated</c> flag (it has no environment variable).</summary>
    public bool Isolated { get; init; }

    /// <summary>The global <c>--project</c> value as written, or null (then <c>UV_PROJECT</c> applies). Discovery starts there, even for <c>uv pip</c>.</summary>
    public string? Project { get; init; }

    public UvCommandKind Command { get; init; } = UvCommandKind.Pip;
}
