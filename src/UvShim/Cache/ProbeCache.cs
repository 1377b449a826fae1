using UvShim.Native;
using UvShim.Output;
using UvShim.Python;

namespace UvShim.Cache;

/// <summary>
/// Per-user cache of interpreter probes (README, "Configuration"), one file per key. Reads verify the key
/// inside the file; writes go to a temporary file renamed into place. Any fault (unreadable,
/// corrupt, foreign, a directory that is a link or someone else's) makes it a miss, never an error.
/// </summary>
internal sealed class ProbeCache(string? directory)
{
    private const int MaxEntryBytes = 256 * 1024;

    public string? Directory => directory;

    public static string? DefaultDirectory(IReadOnlyDictionary<string, string> env)
    {
        if (OperatingSystem.IsWindows())
            return env.TryGetValue("LOCALAPPDATA", out var local) && Path.IsPathRooted(local) ? Path.Combine(local, "uvshim", "cache") : null;
        if (env.TryGetValue("XDG_CACHE_HOME", out var xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "uvshim");
        return env.TryGetValue("HOME", out var home) && Path.IsPathRooted(home) ? Path.Combine(home, ".cache", "uvshim") : null;
    }

    public InterpreterProbe? TryRead(string key)
    {
        if (directory is null || !IsOurs(directory))
            return null;
        var path = Path.Combine(directory, ProbeCacheKey.FileName(key));
        try
        {
            if (FileStatusReader.Read(path) is not { IsSymbolicLink: false, IsDirectory: false } status || status.Size > MaxEntryBytes || !OwnedByUs(status))
                return null;
            var output = ProbeCacheEntry.OutputFor(File.ReadAllBytes(path), key);
            return output is null ? null : ProbeOutputParser.Parse(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ProbeFormatException or NotSupportedException)
        {
            ShimLog.Debug("probe cache: ignoring {Path}: {Reason}", path, e.Message);
            return null;
        }
    }

    public void Write(string key, string output)
    {
        if (directory is null)
            return;
        string? temporary = null;
        try
        {
            if (!System.IO.Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                    System.IO.Directory.CreateDirectory(directory);
                else
                    System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            if (!IsOurs(directory))
                return;

            var bytes = ProbeCacheEntry.Encode(key, output);
            temporary = Path.Combine(directory, $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
                stream.Write(bytes);
            File.Move(temporary, Path.Combine(directory, ProbeCacheKey.FileName(key)), overwrite: true);
            temporary = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ShimLog.Debug("probe cache: not written to {Directory}: {Reason}", directory, e.Message);
        }
        finally
        {
            if (temporary is not null)
                TryDelete(temporary);
        }
    }

    /// <summary>Not a link, and (where the owner is known) owned by the effective user.</summary>
    private static bool IsOurs(string path) =>
        FileStatusReader.Read(path) is { IsSymbolicLink: false, IsDirectory: true } status && OwnedByUs(status);

    private static bool OwnedByUs(FileStatus status) =>
        OperatingSystem.IsWindows() || status.Owner == uint.MaxValue || status.Owner == Libc.geteuid();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
