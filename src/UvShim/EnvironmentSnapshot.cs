using System.Collections;
using System.Text;
using UvShim.Native;

namespace UvShim;

/// <summary>The environment, read once; everything downstream takes it as data.</summary>
internal static class EnvironmentSnapshot
{
    public static IReadOnlyDictionary<string, string> Read()
    {
        if (OperatingSystem.IsWindows())
        {
            var windows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
                windows[(string)entry.Key] = (string?)entry.Value ?? "";
            return windows;
        }

        // From the C library's block: under NativeAOT, Environment.GetEnvironmentVariables() costs
        // about 1.5 ms on first use, a third of uvshim's whole start-up.
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in NativeEnvironment.Read())
        {
            var text = Encoding.UTF8.GetString(entry);
            var eq = text.IndexOf('=');
            if (eq > 0)
                result.TryAdd(text[..eq], text[(eq + 1)..]);
        }
        return result;
    }
}
