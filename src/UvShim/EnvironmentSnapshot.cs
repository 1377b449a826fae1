using System.Collections;

namespace UvShim;

/// <summary>The environment, read once; everything downstream takes it as data.</summary>
internal static class EnvironmentSnapshot
{
    public static IReadOnlyDictionary<string, string> Read()
    {
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var result = new Dictionary<string, string>(comparer);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            result[(string)entry.Key] = (string?)entry.Value ?? "";
        return result;
    }
}
