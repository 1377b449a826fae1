namespace UvShim.FakeUv;

/// <summary>
/// The pip settings after uv's precedence: command line, then the environment variable bound to the option,
/// then configuration files (<see cref="UvConfig"/>). A <c>--target</c> and a <c>--prefix</c> from different
/// sources are both kept, and the target wins (as uv's install checks it first).
/// </summary>
internal sealed record PipSettings(bool System, string? Python, string? Target, string? Prefix, bool BreakSystemPackages)
{
    public static PipSettings Resolve(UvCommandLine line, PipConfig config)
    {
        var system = line.FlagPair("system", "no-system") ?? (Boolish.Env("UV_SYSTEM_PYTHON") ? true : (bool?)null) ?? config.System ?? false;
        var python = NonEmpty(line.Value("python", "p")) ?? NonEmpty(Environment.GetEnvironmentVariable("UV_PYTHON")) ?? config.Python;
        var breakSystemPackages = line.FlagPair("break-system-packages", "no-break-system-packages")
            ?? (Boolish.Env("UV_BREAK_SYSTEM_PACKAGES") ? true : (bool?)null) ?? config.BreakSystemPackages ?? false;
        var target = line.Value("target", "t") ?? config.Target;
        var prefix = target is null ? line.Value("prefix") ?? config.Prefix : null;
        return new PipSettings(system, python, target, prefix, breakSystemPackages);
    }

    public bool IsTargetOrPrefix => Target is not null || Prefix is not null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
