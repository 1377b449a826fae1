using System.Text;
using UvShim.Native;
using UvShim.Platform;

namespace UvShim.Cache;

/// <summary>
/// README, "Configuration": what a probe depends on. The interpreter (its path, resolved path, change time and
/// size), what Python reads from the environment for the user scheme (HOME, APPDATA,
/// PYTHONUSERBASE, PYTHONNOUSERSITE), the ids, uvshim's version, and the probe script's version and hash.
/// </summary>
internal static class ProbeCacheKey
{
    private static readonly string[] EnvironmentInputs = ["HOME", "APPDATA", "PYTHONUSERBASE", "PYTHONNOUSERSITE"];

    public static string? For(string executable, IReadOnlyDictionary<string, string> environment, string shimVersion)
    {
        var resolved = RealPath.Of(executable);
        if (FileStatusReader.Read(resolved) is not { } status)
            return null;

        var text = new StringBuilder();
        text.Append("probe=").Append(Python.ProbeScript.Identity).Append('\n');
        text.Append("shim=").Append(shimVersion).Append('\n');
        text.Append("executable=").Append(executable).Append('\n');
        text.Append("resolved=").Append(resolved).Append('\n');
        text.Append("ctime=").Append(status.ChangeSeconds).Append('.').Append(status.ChangeNanoseconds).Append('\n');
        text.Append("size=").Append(status.Size).Append('\n');
        foreach (var name in EnvironmentInputs)
            text.Append(name).Append('=').Append(environment.TryGetValue(name, out var value) ? "set:" + value : "unset").Append('\n');
        if (!OperatingSystem.IsWindows())
            text.Append($"uid={Libc.getuid()} euid={Libc.geteuid()} gid={Libc.getgid()} egid={Libc.getegid()}\n");
        return text.ToString();
    }

    /// <summary>
    /// FNV-1a over the key: a file name, not a secret (the entry holds the whole key and is checked on
    /// read). SHA-256 would load OpenSSL, which costs more than the rest of a warm run.
    /// </summary>
    public static string FileName(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return $"probe-{hash:x16}";
    }
}
