using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// One temporary directory per test run (mode 0755, owned by the test process), reachable by the unprivileged
/// test user. Everything the integration tests create lives under it; it is removed when the test process exits,
/// and directories left by dead runs are swept when the next run starts.
/// </summary>
[SupportedOSPlatform("linux")]
public static class TestRunDirectory
{
    private const string NamePrefix = "uvshim-it-";

    private static readonly Lazy<string> Root = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Root.Value;

    /// <summary>A new directory under the run directory, mode 0755.</summary>
    public static string CreateSubdirectory(string name)
    {
        var directory = System.IO.Path.Combine(Path, $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileModes.Public);
        return directory;
    }

    /// <summary>Deletes a tree even where write bits were removed (read-only interpreter copies).</summary>
    public static void DeleteTree(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }
        RestoreWriteBits(path);
        Directory.Delete(path, recursive: true);
    }

    public static void RestoreWriteBits(string path)
    {
        var info = new DirectoryInfo(path);
        info.UnixFileMode |= UnixFileMode.UserWrite;
        foreach (var entry in info.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                entry.UnixFileMode |= UnixFileMode.UserWrite;
            }
        }
    }

    private static string Create()
    {
        var temp = TraversableTempDirectory();
        SweepDeadRuns(temp);
        var root = System.IO.Path.Combine(temp, $"{NamePrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, UnixFileModes.Public);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAfterExit(root);
        return root;
    }

    /// <summary>Set when some part of the run directory lost its write bits (see <see cref="TreeCopy.RemoveWriteBits"/>).</summary>
    internal static bool HasReadOnlyParts { get; set; }

    /// <summary>
    /// The test host is killed shortly after the run ends (too soon to delete a copied interpreter), so the
    /// deletion is handed to a child process that outlives it; whatever survives is swept by the next run.
    /// </summary>
    private static void RemoveAfterExit(string root)
    {
        try
        {
            if (HasReadOnlyParts && ExecutableLookup.OnPath("chmod") is { } chmod)
            {
                using var restore = Process.Start(new ProcessStartInfo(chmod, ["-R", "u+w", "--", root]) { UseShellExecute = false });
                restore?.WaitForExit();
            }
            if (ExecutableLookup.OnPath("rm") is { } rm)
            {
                using var remove = Process.Start(new ProcessStartInfo(rm, ["-rf", "--", root]) { UseShellExecute = false });
                return;
            }
            DeleteTree(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // Best effort; the next run sweeps it.
        }
    }

    /// <summary>The temp directory, unless some ancestor would lock out other users (then /tmp).</summary>
    private static string TraversableTempDirectory()
    {
        var temp = System.IO.Path.GetTempPath().TrimEnd('/');
        for (var dir = temp; !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0)
            {
                return "/tmp";
            }
        }
        return temp;
    }

    private static void SweepDeadRuns(string temp)
    {
        foreach (var directory in Directory.EnumerateDirectories(temp, NamePrefix + "*"))
        {
            var pidText = System.IO.Path.GetFileName(directory)[NamePrefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }
            try
            {
                DeleteTree(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or in use: leave it.
            }
        }
    }
}
