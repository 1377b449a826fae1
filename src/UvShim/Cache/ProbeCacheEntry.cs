using System.Text.Json.Serialization;

namespace UvShim.Cache;

/// <summary>One cached probe: the key it was made for, and the probe's raw output.</summary>
internal sealed class ProbeCacheEntry
{
    public required string Key { get; init; }
    public required string Output { get; init; }
}

[JsonSerializable(typeof(ProbeCacheEntry))]
internal sealed partial class ProbeCacheJson : JsonSerializerContext;
