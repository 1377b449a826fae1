using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>Finds programs the way a shell would: on PATH.</summary>
[SupportedOSPlatform("linux")]
public static class ExecutableLookup
{
    public static string? OnPath(string name, string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(IsExecutableFile);
    }

    public static string Require(string name) =>
        OnPath(name) ?? throw new InvalidOperationException($"`{name}` is needed by the integration tests but is not on PATH.");

    public static bool IsExecutableFile(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & UnixFileModes.AnyExecute) != 0;
}
