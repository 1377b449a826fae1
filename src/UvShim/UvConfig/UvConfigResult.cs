namespace UvShim.UvConfig;

/// <summary>A file uv reads but skips with a warning (an unparsable <c>pyproject.toml</c> met during discovery).</summary>
internal sealed record UvConfigWarning(string Path, string Reason);

/// <summary>The outcome of reading uv's config: settings, or a file uv itself would refuse.</summary>
internal abstract record UvConfigResult
{
    private UvConfigResult()
    {
    }

    /// <summary>The merged settings (possibly empty) and the files uv would warn about and skip.</summary>
    public sealed record Loaded(UvPipSettings Settings, IReadOnlyList<UvConfigWarning> Warnings) : UvConfigResult;

    /// <summary>
    /// uv would stop with an error here (bad TOML, a wrong type, a missing <c>--config-file</c>, an invalid
    /// <c>UV_NO_CONFIG</c>…). uvshim hands the command to uv unchanged and lets uv report it.
    /// </summary>
    public sealed record Unreadable(string Path, string Reason) : UvConfigResult;
}
