namespace UvShim.Platform;

/// <summary>clap's <c>BoolishValueParser</c>, which uv applies to flag environment variables.</summary>
internal static class Boolish
{
    public static bool? Parse(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            "1" or "true" or "yes" or "on" or "y" or "t" => true,
            "0" or "false" or "no" or "off" or "n" or "f" => false,
            _ => null,
        };

    public static bool IsSet(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var v) && Parse(v) == true;
}
