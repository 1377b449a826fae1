namespace UvShim.UvConfig;

/// <summary>What the project-level walk found: nothing, a file's settings, or a file uv stops on.</summary>
internal abstract record DirectoryConfig
{
    private DirectoryConfig()
    {
    }

    public sealed record None : DirectoryConfig;

    public sealed record Found(string Directory, UvConfigFile File) : DirectoryConfig;

    public sealed record Failed(string Directory, string Path, string Reason) : DirectoryConfig;

    public static readonly DirectoryConfig Nothing = new None();

    /// <summary>The directory the walk stopped in, if it stopped.</summary>
    public string? StoppedAt => this switch
    {
        Found found => found.Directory,
        Failed failed => failed.Directory,
        _ => null,
    };
}
