namespace UvShim.UvConfig;

/// <summary>The <c>[pip]</c> values of one file, as written.</summary>
internal sealed record UvConfigFile(string Path, IReadOnlyDictionary<UvPipKey, object> Values)
{
    public static UvConfigFile Empty(string path) => new(path, new Dictionary<UvPipKey, object>());
}
