namespace UvShim.Merging;

/// <summary>One entry of <c>uv pip list --format json</c> (crates/uv/src/commands/pip/list.rs, <c>Entry</c>).</summary>
internal sealed record InstalledPackage(
    string Name,
    string Version,
    string? LatestVersion,
    string? LatestFiletype,
    string? EditableProjectLocation);
