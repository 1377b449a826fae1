using System.Text;
using UvShim.Native;

namespace UvShim.Platform;

/// <summary>
/// pip's <c>test_writable_dir</c>: walk up to the nearest existing directory, then ask
/// <c>access(W_OK)</c> (so root sees everything writable except a read-only mount); on
/// Windows, try to create a file there, as pip does.
/// </summary>
internal static unsafe class Writability
{
    public static bool IsWritable(string path)
    {
        var existing = NearestExisting(path);
        if (existing is null)
            return false;
        return OperatingSystem.IsWindows() ? CanCreateFileIn(existing) : Access(existing);
    }

    private static string? NearestExisting(string path)
    {
        for (var dir = Path.GetFullPath(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir) || File.Exists(dir))
                return dir;
        }
        return null;
    }

    private static bool Access(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
            return Libc.access(p, Libc.W_OK) == 0;
    }

    private static bool CanCreateFileIn(string directory)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var probe = Path.Combine(directory, "accesstest_deleteme_fishfingers_custard_" + Path.GetRandomFileName()[..6]);
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.ReadWrite))
                {
                }
                File.Delete(probe);
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
            catch (IOException) when (File.Exists(probe))
            {
                // Name taken: try another, as pip does.
            }
            catch (IOException)
            {
                return false;
            }
        }
        return false;
    }
}
