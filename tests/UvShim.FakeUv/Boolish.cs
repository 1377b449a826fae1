using UvShim.FakeUv.Grammar;

namespace UvShim.FakeUv;

/// <summary>uv's boolish environment values: clap's true/false words (uv 0.12.5 crates/uv-static/src/lib.rs <c>parse_boolish_environment_variable</c>).</summary>
internal static class Boolish
{
    public static bool Env(string name) => Environment.GetEnvironmentVariable(name) is { } value && ClapValueParser.ToBool(value) == true;
}
