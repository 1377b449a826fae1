namespace UvShim.FakeUv;

/// <summary>uv's boolish environment values (clap's <c>BoolishValueParser</c>).</summary>
internal static class Boolish
{
    public static bool IsTrue(string? value) =>
        value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on" or "y" or "t";

    public static bool Env(string name) => IsTrue(Environment.GetEnvironmentVariable(name));

    /// <summary>A flag that may also come from an environment variable, with its <c>--no-…</c> counterpart.</summary>
    public static bool Flag(UvCommandLine line, string name, string environmentVariable) =>
        line.Has(name) || (Env(environmentVariable) && !line.Has("no-" + name));
}
