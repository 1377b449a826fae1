using UvShim.Settings;

namespace UvShim.Planning;

/// <summary>The environment one invocation runs in, read once at start-up.</summary>
internal sealed record InvocationContext(
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    EffectiveSettings Settings)
{
    /// <summary>The <c>[pip]</c> settings of uv's own configuration files that steer the target.</summary>
    public UvConfigView UvConfig { get; init; } = UvConfigView.None;
}

/// <summary>What uvshim takes from uv.toml / pyproject.toml <c>[pip]</c>; command line and environment win over it.</summary>
internal sealed record UvConfigView(bool? System, string? Python, string? Target, string? Prefix, bool? BreakSystemPackages, IReadOnlyList<string> Files)
{
    public static readonly UvConfigView None = new(null, null, null, null, null, []);
}
