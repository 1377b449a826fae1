using UvShim.FakeUv.Grammar;

namespace UvShim.FakeUv;

/// <summary>uv's boolish environment values: clap's true/false words (uv 0.12.5 crates/uv-static/src/lib.rs <c>parse_boolish_environment_variable</c>).</summary>
internal static class Boolish
{
    public static bool IsTrue(string? value) => value is not null && ClapValueParser.ToBool(value) == true;

    public static bool Env(string name) => IsTrue(Environment.GetEnvironmentVariable(name));

    /// <summary>A flag that may also come from an environment variable, with its <c>--no-…</c> counterpart.</summary>
    public static bool Flag(UvCommandLine line, string name, string environmentVariable) =>
        line.Has(name) || (Env(environmentVariable) && !line.Has("no-" + name));
}
